namespace SocialValue.Versions;

/// <summary>
/// The versions a write may change, as an HTTP <c>If-Match</c> names them (RFC 9110 §13.1.1): any existing version
/// (<c>*</c>), or one of a list compared strongly. A grain checks it against its stored version in the same turn as
/// the write, so no other write can come between the check and the change.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record VersionCondition(
    [property: Id(0)] bool AnyVersion,
    [property: Id(1)] IReadOnlyList<string> Versions)
{
    /// <summary>Exactly <paramref name="version"/>, as a caller that read it names it.</summary>
    public static VersionCondition Of(string version) => new(false, [version]);

    /// <summary>
    /// Whether <paramref name="current"/>, the stored version (null when there is none yet), satisfies the condition:
    /// <c>*</c> any that exists, a list one of its entries.
    /// </summary>
    public bool Admits(string? current) => current is not null && (AnyVersion || Versions.Contains(current, StringComparer.Ordinal));

    /// <summary>
    /// Throws <see cref="Errors.PreconditionFailedException"/> unless <paramref name="expected"/> is null (no condition)
    /// or admits <paramref name="current"/>.
    /// </summary>
    public static void Check(VersionCondition? expected, string? current)
    {
        if (expected is not null && !expected.Admits(current))
        {
            throw new Errors.PreconditionFailedException(expected.ToString(), current ?? "(none)");
        }
    }

    /// <summary>The condition as a client wrote it, for the 412's message.</summary>
    public override string ToString() => AnyVersion ? "*" : Versions.Count == 0 ? "(no strong version)" : string.Join(", ", Versions.Select(v => $"\"{v}\""));
}
