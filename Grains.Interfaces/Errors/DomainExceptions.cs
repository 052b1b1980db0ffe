namespace SocialValue.Errors;

/// <summary>The resource named does not exist (HTTP 404).</summary>
[GenerateSerializer]
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The resource exists already, or the request conflicts with its current state (HTTP 409).</summary>
[GenerateSerializer]
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The client's <c>If-Match</c> names another version than the current one (HTTP 412).</summary>
[GenerateSerializer]
public sealed class PreconditionFailedException(string expected, string current)
    : Exception($"The resource is at version {current}, not {expected}; read it again before changing it.")
{
    /// <summary>The version the client named.</summary>
    [Id(0)]
    public string Expected { get; } = expected;

    /// <summary>The version stored now.</summary>
    [Id(1)]
    public string Current { get; } = current;
}

/// <summary>The request is well-formed but its values break a rule (HTTP 422); errors are keyed by field.</summary>
[GenerateSerializer]
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are not valid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    /// <summary>A single failed field.</summary>
    public ValidationException(string field, string error) : this(new Dictionary<string, string[]> { [field] = [error] })
    {
    }

    /// <summary>The messages per field.</summary>
    [Id(0)]
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>A workflow trigger is not permitted now (HTTP 409); the reasons say why.</summary>
[GenerateSerializer]
public sealed class TransitionRefusedException(string trigger, string state, IReadOnlyList<string> reasons)
    : Exception($"'{trigger}' is not permitted in state {state}: {string.Join("; ", reasons)}")
{
    /// <summary>The trigger refused.</summary>
    [Id(0)]
    public string Trigger { get; } = trigger;

    /// <summary>The state the resource is in.</summary>
    [Id(1)]
    public string State { get; } = state;

    /// <summary>Why, one human sentence each.</summary>
    [Id(2)]
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
