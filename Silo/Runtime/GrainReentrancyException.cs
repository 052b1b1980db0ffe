namespace SocialValue.Silo.Runtime;

/// <summary>
/// A call would wait on a grain that is already in the caller's chain of calls; with one call at a time per
/// activation that would wait forever, so the runtime refuses it at once.
/// </summary>
public sealed class GrainReentrancyException(string message) : InvalidOperationException(message);
