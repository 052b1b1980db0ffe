namespace SocialValue.Versions;

/// <summary>
/// The result of a write on part of a resource (a bid, a return, a piece of evidence, a theme) with the whole
/// resource's new version, read in the same turn as the write, so the client can make its next write conditional on it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Versioned<T>([property: Id(0)] T Value, [property: Id(1)] string ETag);
