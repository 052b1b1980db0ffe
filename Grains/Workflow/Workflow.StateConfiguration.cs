namespace SocialValue.Workflow;

public sealed partial class Workflow<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>
    /// The fluent builder of one state's transitions, returned by <see cref="Configure"/>. Each trigger is configured
    /// once per state (by <c>Permit</c>, <c>PermitIf</c> or <c>PermitDynamic</c>); <c>Guard</c> adds conditions to it.
    /// </summary>
    public sealed class StateConfiguration
    {
        private readonly Workflow<TState, TTrigger, TContext> _workflow;

        internal StateConfiguration(Workflow<TState, TTrigger, TContext> workflow, TState state)
        {
            _workflow = workflow;
            State = state;
        }

        /// <summary>The state being configured.</summary>
        public TState State { get; }

        /// <summary><paramref name="trigger"/> always leads to <paramref name="destination"/>.</summary>
        /// <exception cref="InvalidOperationException">The trigger is already configured for this state.</exception>
        public StateConfiguration Permit(TTrigger trigger, TState destination) =>
            Add(trigger, new TriggerBehaviour(trigger, (_, _) => destination, [destination], isDynamic: false));

        /// <summary><paramref name="trigger"/> leads to <paramref name="destination"/> when <paramref name="guard"/> holds.</summary>
        /// <param name="reason">The sentence given when the guard fails, e.g. "a tender needs at least one outcome in the specification".</param>
        /// <exception cref="InvalidOperationException">The trigger is already configured for this state.</exception>
        public StateConfiguration PermitIf(TTrigger trigger, TState destination, Func<TContext, bool> guard, string reason) =>
            Permit(trigger, destination).Guard(trigger, guard, reason);

        /// <summary>
        /// <paramref name="trigger"/> leads to <paramref name="destination"/> when <paramref name="guard"/>, which reads the
        /// trigger's arguments (e.g. the named bid is scored), holds. A listing of transitions cannot judge it.
        /// </summary>
        /// <param name="reason">The sentence given when the guard fails.</param>
        /// <exception cref="InvalidOperationException">The trigger is already configured for this state.</exception>
        public StateConfiguration PermitIf(
            TTrigger trigger, TState destination, Func<TContext, TriggerArguments, bool> guard, string reason) =>
            Permit(trigger, destination).Guard(trigger, guard, reason);

        /// <summary>
        /// <paramref name="trigger"/> leads to the state <paramref name="destination"/> computes when fired, which must be
        /// one of <paramref name="possibleDestinations"/> (the edges of the diagram), e.g. Reassess to the level given.
        /// </summary>
        /// <exception cref="InvalidOperationException">The trigger is already configured for this state.</exception>
        public StateConfiguration PermitDynamic(
            TTrigger trigger, Func<TContext, TriggerArguments, TState> destination, params TState[] possibleDestinations)
        {
            ArgumentNullException.ThrowIfNull(destination);
            ArgumentNullException.ThrowIfNull(possibleDestinations);
            if (possibleDestinations.Length == 0 || !possibleDestinations.All(Enum.IsDefined))
            {
                throw new ArgumentException("Name at least one possible destination, each a defined state.", nameof(possibleDestinations));
            }

            TState[] inEnumOrder = [.. Enum.GetValues<TState>().Where(possibleDestinations.Contains)];
            return Add(trigger, new TriggerBehaviour(trigger, destination, inEnumOrder, isDynamic: true));
        }

        /// <summary>Adds a condition to <paramref name="trigger"/>; when several fail, every reason is reported, in configuration order.</summary>
        /// <exception cref="InvalidOperationException">The trigger is not configured for this state.</exception>
        public StateConfiguration Guard(TTrigger trigger, Func<TContext, bool> guard, string reason)
        {
            ArgumentNullException.ThrowIfNull(guard);
            return AddGuard(trigger, (context, _) => guard(context), reason, readsArguments: false);
        }

        /// <summary>
        /// Adds a condition to <paramref name="trigger"/> whose reason is worded from the context when it fails, e.g.
        /// "2 actions to reach Mature are not done: c-mature-1, c-mature-2".
        /// </summary>
        /// <exception cref="InvalidOperationException">The trigger is not configured for this state.</exception>
        public StateConfiguration Guard(TTrigger trigger, Func<TContext, bool> guard, Func<TContext, string> reason)
        {
            ArgumentNullException.ThrowIfNull(guard);
            ArgumentNullException.ThrowIfNull(reason);
            return AddGuard(trigger, new GuardClause((context, _) => guard(context), reason, ReadsArguments: false));
        }

        /// <summary>Adds a condition that reads the trigger's arguments to <paramref name="trigger"/>; judged only when fired.</summary>
        /// <exception cref="InvalidOperationException">The trigger is not configured for this state.</exception>
        public StateConfiguration Guard(TTrigger trigger, Func<TContext, TriggerArguments, bool> guard, string reason)
        {
            ArgumentNullException.ThrowIfNull(guard);
            return AddGuard(trigger, guard, reason, readsArguments: true);
        }

        private StateConfiguration Add(TTrigger trigger, TriggerBehaviour behaviour)
        {
            if (!_workflow._states[State].TryAdd(trigger, behaviour))
            {
                throw new InvalidOperationException(
                    $"{trigger} is already configured for state {State} in the {_workflow.Name} workflow; add conditions with Guard.");
            }

            return this;
        }

        private StateConfiguration AddGuard(
            TTrigger trigger, Func<TContext, TriggerArguments, bool> guard, string reason, bool readsArguments)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(reason);
            return AddGuard(trigger, new GuardClause(guard, _ => reason, readsArguments));
        }

        private StateConfiguration AddGuard(TTrigger trigger, GuardClause clause)
        {
            if (!_workflow._states[State].TryGetValue(trigger, out var behaviour))
            {
                throw new InvalidOperationException(
                    $"{trigger} is not configured for state {State} in the {_workflow.Name} workflow; Permit it before guarding it.");
            }

            behaviour.Add(clause);
            return this;
        }
    }
}
