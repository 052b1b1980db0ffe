namespace SocialValue.Maturity;

/// <summary>
/// Settings of the maturity index (configuration section <c>Maturity</c>). <paramref name="ReviewAfter"/> is how long
/// after an assessment the index falls due for review; null means one calendar year, as DOMAIN.md asks.
/// </summary>
public sealed record MaturityOptions(TimeSpan? ReviewAfter = null)
{
    public DateTimeOffset NextReview(DateTimeOffset assessedAt) =>
        ReviewAfter is { } after ? assessedAt + after : assessedAt.AddYears(1);
}
