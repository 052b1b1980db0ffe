namespace SocialValue;

/// <summary>
/// The clock the business rules read (award dates, review years, returns due), registered as a keyed
/// <see cref="TimeProvider"/>: Orleans reads the unkeyed one for its own timers, so a test can move the business
/// clock by a year without firing every timeout in the silo.
/// </summary>
public static class BusinessClock
{
    public const string Key = "business";
}
