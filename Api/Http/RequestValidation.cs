using SocialValue.Ids;
using SocialValue.Errors;

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
