using SocialValue.Amounts;
using SocialValue.Errors;
using SocialValue.Ids;

namespace SocialValue.Api.Http;

/// <summary>Collects field errors of a request and throws them together as one 422.</summary>
public sealed class RequestValidation
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public RequestValidation Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"'{field}' is required.");
        }
        return this;
    }

    public RequestValidation Required<T>(string field, T? value) where T : struct
    {
        if (value is null)
        {
            Add(field, $"'{field}' is required.");
        }
        return this;
    }

    public RequestValidation MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, $"'{field}' is longer than {max} characters.");
        }
        return this;
    }

    public RequestValidation OptionalSlug(string field, string? value)
    {
        if (value is not null && !Slug.IsValid(value))
        {
            Add(field, $"'{field}' must match [a-z0-9][a-z0-9-]{{0,63}}.");
        }
        return this;
    }

    /// <summary>A number the service can hold (<see cref="Amount"/>): at most 10^15 in size.</summary>
    public RequestValidation Holdable(string field, decimal? value)
    {
        if (value is { } number && !Amount.IsHoldable(number))
        {
            Add(field, $"'{field}' is {number:G}, beyond what the service holds: at most {Amount.MaxText} in size.");
        }
        return this;
    }

    /// <summary><see cref="Holdable(string, decimal?)"/> for each value of named inputs.</summary>
    public RequestValidation Holdable(string field, IReadOnlyDictionary<string, decimal>? values)
    {
        foreach (var (name, value) in values ?? new Dictionary<string, decimal>())
        {
            Holdable($"{field}.{name}", value);
        }
        return this;
    }

    public RequestValidation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
        return this;
    }

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new ValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
