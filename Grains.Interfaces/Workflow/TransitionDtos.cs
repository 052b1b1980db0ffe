using System.Text.Json.Serialization;

namespace SocialValue.Workflow;

/// <summary>
/// One recorded transition of a workflow: when, who, which trigger, from and to which state, and why. <see cref="Subject"/>
/// names the part of the resource the transition is of, when it is not the resource itself: a path relative to the
/// resource, e.g. a contract's <c>remedies/remedy-1</c>.
/// </summary>
[GenerateSerializer]
public sealed record TransitionRecord(
    DateTimeOffset At,
    string Actor,
    string Trigger,
    string From,
    string To,
    string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Subject = null);

/// <summary>A trigger that may be fired now, and where it leads.</summary>
[GenerateSerializer]
public sealed record PermittedTransition(string Trigger, string To);

/// <summary>A trigger of the current state that may not be fired now, with the reasons.</summary>
[GenerateSerializer]
public sealed record BlockedTransition(string Trigger, IReadOnlyList<string> Reasons);

/// <summary>The current state with its permitted and blocked triggers.</summary>
[GenerateSerializer]
public sealed record TransitionOptions(string State, IReadOnlyList<PermittedTransition> Permitted, IReadOnlyList<BlockedTransition> Blocked);

/// <summary>A request to fire a trigger: the actor, an optional reason and named arguments (e.g. <c>bidId</c>, <c>level</c>).</summary>
[GenerateSerializer]
public sealed record TransitionRequest(string Trigger, string Actor, string? Reason, IReadOnlyDictionary<string, string> Arguments);
