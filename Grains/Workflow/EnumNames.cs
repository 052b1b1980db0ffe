namespace SocialValue.Workflow;

/// <summary>Parses enum members by name only, ignoring case.</summary>
internal static class EnumNames
{
    /// <summary>
    /// Unlike <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>, refuses numbers ("3"), undefined values
    /// and comma-separated flags, none of which is a name a client may send.
    /// </summary>
    public static bool TryParse<TEnum>(string? name, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The member names in declaration order, for messages: "A, B, C".</summary>
    public static string List<TEnum>() where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>());
}
