namespace SocialValue.Workflow;

/// <summary>
/// The outcome of firing a permitted trigger: the state left, the state entered and the record for the history.
/// Nothing has changed yet; the grain applies <see cref="To"/> and appends <see cref="Record"/>.
/// </summary>
public sealed record WorkflowTransition<TState>(TState From, TState To, TransitionRecord Record)
    where TState : struct, Enum;
