namespace SocialValue.Workflow;

/// <summary>
/// The outcome of a fired trigger: the state left, the state entered and the record appended to the history.
/// All three are already in the grain's state; the grain writes it, then does what follows outside it (deadlines, indexes).
/// </summary>
public sealed record WorkflowTransition<TState>(TState From, TState To, TransitionRecord Record)
    where TState : struct, Enum;
