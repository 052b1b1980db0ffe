namespace SocialValue.Runtime;

/// <summary>A write found the stored record at another version than the one this activation read.</summary>
public sealed class InconsistentStateException(string message) : Exception(message);
