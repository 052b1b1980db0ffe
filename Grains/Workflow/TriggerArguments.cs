using System.Diagnostics.CodeAnalysis;
using SocialValue.Errors;

namespace SocialValue.Workflow;

/// <summary>
/// The named arguments of a fired trigger (e.g. <c>bidId</c>, <c>level</c>), read-only and matched ignoring case.
/// A blank value counts as missing.
/// </summary>
public sealed class TriggerArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Wraps the arguments of a request.</summary>
    public TriggerArguments(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (name, value) in values)
        {
            _values[name] = value;
        }
    }

    /// <summary>The value of <paramref name="name"/>, when given and not blank.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out string? value)
    {
        if (_values.TryGetValue(name, out value) && !string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The value of <paramref name="name"/>.</summary>
    /// <exception cref="ValidationException">The argument is missing or blank.</exception>
    public string Get(string name) =>
        TryGet(name, out var value) ? value : throw new ValidationException(name, IsRequired(name));

    /// <summary>The value of <paramref name="name"/> as a member of <typeparamref name="TEnum"/>, by name, ignoring case.</summary>
    /// <exception cref="ValidationException">The argument is missing, or names no member; the message lists the members.</exception>
    public TEnum GetEnum<TEnum>(string name) where TEnum : struct, Enum
    {
        var value = Get(name);
        return EnumNames.TryParse<TEnum>(value, out var parsed)
            ? parsed
            : throw new ValidationException(name, $"'{value}' is not a valid {name}; expected one of {EnumNames.List<TEnum>()}");
    }

    internal static string IsRequired(string name) => $"{name} is required";
}
