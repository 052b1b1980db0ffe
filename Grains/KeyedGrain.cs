namespace SocialValue;

/// <summary>Base of the service's grains: Orleans' <see cref="Grain"/>, identified by a string key (a resource's slug).</summary>
public abstract class KeyedGrain : Grain
{
    /// <summary>The grain's key.</summary>
    protected string Key => this.GetPrimaryKeyString();
}
