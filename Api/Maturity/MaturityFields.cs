using SocialValue.Api.Http;
using SocialValue.Maturity;

namespace SocialValue.Api.Maturity;

/// <summary>
/// Levels and statuses arrive as strings so that an unknown one is a 422 naming the field and the allowed values,
/// not a 400 from the JSON reader.
/// </summary>
internal static class MaturityFields
{
    // The seed prints the lowest level as "Incomplete/Non Compliant"; a client copying it from there is understood.
    private static readonly Dictionary<string, MaturityLevel> LevelsByName =
        Enum.GetValues<MaturityLevel>()
            .Select(level => KeyValuePair.Create(level.ToString(), level))
            .Append(KeyValuePair.Create("Incomplete/Non Compliant", MaturityLevel.Incomplete))
            .ToDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>A level by name or by the seed's label; <c>Incomplete</c> with an error recorded when it is neither.</summary>
    public static MaturityLevel Level(RequestValidation validation, string field, string? value)
    {
        if (value is not null && LevelsByName.TryGetValue(value.Trim(), out var level))
        {
            return level;
        }
        validation.Add(field, value is null
            ? $"'{field}' is required."
            : $"'{value}' is not a maturity level; the levels are {string.Join(", ", Enum.GetNames<MaturityLevel>())}.");
        return default;
    }

    public static ActionStatus Status(RequestValidation validation, string field, string value)
    {
        foreach (var status in Enum.GetValues<ActionStatus>())
        {
            if (string.Equals(status.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return status;
            }
        }
        validation.Add(field, $"'{value}' is not a status; the statuses are {string.Join(", ", Enum.GetNames<ActionStatus>())}.");
        return default;
    }
}
