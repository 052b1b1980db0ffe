using SocialValue.Frameworks;

namespace SocialValue.Contracts;

/// <summary>
/// The formula that turns a bid's two answer scores into its social value score (key <see cref="Default"/>): by default
/// the mean of the two scores as a fraction of 5. Administrators publish new versions; a tender keeps the version in
/// force when it was published.
/// </summary>
public interface IBidScoreFormulaGrain : IGrainWithStringKey
{
    /// <summary>The key of the one formula.</summary>
    public const string Default = "default";

    /// <summary>The first version's source; the answer scores are the inputs <c>delivery</c> and <c>measurement</c>.</summary>
    public const string DefaultSource = "(Input(\"delivery\") + Input(\"measurement\")) / 2 / 5";

    /// <summary>The version in force.</summary>
    Task<FormulaVersionDetails> GetCurrentAsync();

    /// <summary>Every version, oldest first.</summary>
    Task<IReadOnlyList<FormulaVersionDetails>> GetVersionsAsync();

    /// <summary>
    /// Publishes a new version when <paramref name="expected"/> is null or admits the number of the version in force (the
    /// formula's version); 422 with diagnostics when it does not compile or cannot score answers of 0 to 5.
    /// </summary>
    Task<FormulaVersionDetails> PublishAsync(string source, string author, Versions.VersionCondition? expected);

    /// <summary>The social value score of <paramref name="scores"/> by version <paramref name="version"/>.</summary>
    Task<decimal> EvaluateAsync(int version, BidScores scores);
}
