using System.Text;
using SocialValue.Errors;

namespace SocialValue.Workflow;

/// <summary>
/// A state machine definition: per state, the triggers it accepts, where each leads and the guards that must
/// hold, each guard with the human sentence returned when it fails. It holds no current state: the grain passes
/// its state and a <typeparamref name="TContext"/> snapshot to <see cref="GetTransitions"/> and <see cref="Fire"/>,
/// then applies the returned transition itself.
/// </summary>
/// <remarks>
/// Configure a definition once, in a static initializer, and share it: after configuration it is only read,
/// so many grains may use it at once without locks.
/// </remarks>
public sealed partial class Workflow<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Dictionary<TState, Dictionary<TTrigger, TriggerBehaviour>> _states = [];
    private readonly Dictionary<TTrigger, string[]> _requiredArguments = [];
    private TState? _initialState;

    /// <summary>Starts an empty definition.</summary>
    /// <param name="name">What the workflow is called, e.g. "Commissioning cycle"; the title of its diagram.</param>
    public Workflow(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>What the workflow is called; the title of its diagram.</summary>
    public string Name { get; }

    /// <summary>The first state configured, where a new resource starts.</summary>
    public TState InitialState =>
        _initialState ?? throw new InvalidOperationException($"The {Name} workflow has no states configured.");

    /// <summary>
    /// The builder of <paramref name="state"/>'s transitions; the first state configured is the initial one.
    /// Configuring a state again adds to what it has.
    /// </summary>
    public StateConfiguration Configure(TState state)
    {
        _initialState ??= state;
        _states.TryAdd(state, []);
        return new StateConfiguration(this, state);
    }

    /// <summary>Makes <paramref name="names"/> required whenever <paramref name="trigger"/> is fired, e.g. Award needs "bidId".</summary>
    /// <exception cref="InvalidOperationException">The trigger's arguments are already configured.</exception>
    public Workflow<TState, TTrigger, TContext> RequireArguments(TTrigger trigger, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Length == 0 || names.Any(string.IsNullOrWhiteSpace)
            || names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Length)
        {
            throw new ArgumentException("Name at least one argument, none blank and none twice.", nameof(names));
        }

        if (!_requiredArguments.TryAdd(trigger, [.. names]))
        {
            throw new InvalidOperationException($"The arguments of {trigger} are already configured in the {Name} workflow.");
        }

        return this;
    }

    /// <summary>The triggers configured for <paramref name="state"/>, in enum order; none for a final state.</summary>
    public IReadOnlyCollection<TTrigger> TriggersOf(TState state) =>
        _states.TryGetValue(state, out var triggers) ? [.. Enum.GetValues<TTrigger>().Where(triggers.ContainsKey)] : [];

    /// <summary>
    /// Every trigger of <paramref name="state"/>: permitted, with where it leads, or blocked, with the reason of each
    /// failing guard. Guards that read a trigger's arguments are judged only when it is fired.
    /// </summary>
    public TransitionOptions GetTransitions(TState state, TContext context)
    {
        var permitted = new List<PermittedTransition>();
        var blocked = new List<BlockedTransition>();
        foreach (var trigger in TriggersOf(state))
        {
            var behaviour = _states[state][trigger];
            var reasons = behaviour.FailingReasons(context, arguments: null);
            if (reasons.Count == 0)
            {
                permitted.Add(new PermittedTransition(trigger.ToString(), behaviour.DescribeDestination(context)));
            }
            else
            {
                blocked.Add(new BlockedTransition(trigger.ToString(), reasons));
            }
        }

        return new TransitionOptions(state.ToString(), permitted, blocked);
    }

    /// <summary>
    /// Works out the transition <paramref name="trigger"/> makes from <paramref name="state"/>, changing nothing:
    /// the caller applies <see cref="WorkflowTransition{TState}.To"/> and records <see cref="WorkflowTransition{TState}.Record"/>.
    /// </summary>
    /// <exception cref="TransitionRefusedException">The state has no such trigger, or guards fail; every failing reason is given.</exception>
    /// <exception cref="ValidationException">A required argument is missing, or an argument has no valid value.</exception>
    public WorkflowTransition<TState> Fire(TState state, TTrigger trigger, TContext context, TransitionRequest request, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_states.TryGetValue(state, out var triggers) || !triggers.TryGetValue(trigger, out var behaviour))
        {
            throw new TransitionRefusedException(trigger.ToString(), state.ToString(), [NotATriggerOf(state, trigger)]);
        }

        var arguments = new TriggerArguments(request.Arguments);
        RequireArgumentsOf(trigger, arguments);
        var reasons = behaviour.FailingReasons(context, arguments);
        if (reasons.Count > 0)
        {
            throw new TransitionRefusedException(trigger.ToString(), state.ToString(), reasons);
        }

        var to = behaviour.Destination(context, arguments);
        var record = new TransitionRecord(at, request.Actor, trigger.ToString(), state.ToString(), to.ToString(), request.Reason);
        return new WorkflowTransition<TState>(state, to, record);
    }

    /// <summary>The trigger named <paramref name="name"/>, ignoring case; numbers and unknown names are refused.</summary>
    public bool TryParseTrigger(string name, out TTrigger trigger) => EnumNames.TryParse(name, out trigger);

    /// <summary>Fires the trigger named in <paramref name="request"/>, as the API receives it.</summary>
    /// <exception cref="ValidationException">No trigger of this workflow has that name (HTTP 422).</exception>
    public WorkflowTransition<TState> Fire(TState state, TContext context, TransitionRequest request, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryParseTrigger(request.Trigger, out var trigger))
        {
            throw new ValidationException("trigger",
                $"'{request.Trigger}' is not a trigger of the {Name} workflow; its triggers are {string.Join(", ", Enum.GetNames<TTrigger>())}.");
        }
        return Fire(state, trigger, context, request, at);
    }

    /// <summary>
    /// The definition as a Mermaid <c>stateDiagram-v2</c>: one edge per trigger and destination (every possible
    /// destination of a dynamic trigger), the initial state entered from <c>[*]</c>, final states leading to <c>[*]</c>.
    /// Ordered by enum order, so the text changes only when the definition does.
    /// </summary>
    public string ToMermaid()
    {
        var text = new StringBuilder()
            .Append("---\n")
            .Append($"title: {Name}\n")
            .Append("---\n")
            .Append("stateDiagram-v2\n");
        var drawn = new HashSet<TState>();
        if (_initialState is { } initial)
        {
            text.Append($"    [*] --> {initial}\n");
            drawn.Add(initial);
        }

        foreach (var from in Enum.GetValues<TState>())
        {
            foreach (var trigger in TriggersOf(from))
            {
                foreach (var to in _states[from][trigger].PossibleDestinations)
                {
                    text.Append($"    {from} --> {to} : {trigger}\n");
                    drawn.Add(from);
                    drawn.Add(to);
                }
            }
        }

        foreach (var final in Enum.GetValues<TState>().Where(s => drawn.Contains(s) && TriggersOf(s).Count == 0))
        {
            text.Append($"    {final} --> [*]\n");
        }

        return text.ToString();
    }

    private string NotATriggerOf(TState state, TTrigger trigger)
    {
        var triggers = TriggersOf(state);
        return triggers.Count == 0
            ? $"{trigger} is not permitted while in state {state}, which is final"
            : $"{trigger} is not permitted while in state {state}; its triggers are {string.Join(", ", triggers)}";
    }

    private void RequireArgumentsOf(TTrigger trigger, TriggerArguments arguments)
    {
        if (!_requiredArguments.TryGetValue(trigger, out var names))
        {
            return;
        }

        var missing = names
            .Where(name => !arguments.TryGet(name, out _))
            .ToDictionary(name => name, name => new[] { TriggerArguments.IsRequired(name) });
        if (missing.Count > 0)
        {
            throw new ValidationException(missing);
        }
    }

    private sealed record GuardClause(Func<TContext, TriggerArguments, bool> IsMet, Func<TContext, string> Reason, bool ReadsArguments);

    private sealed class TriggerBehaviour(
        TTrigger trigger,
        Func<TContext, TriggerArguments, TState> destination,
        IReadOnlyList<TState> possibleDestinations,
        bool isDynamic)
    {
        private readonly List<GuardClause> _guards = [];

        public IReadOnlyList<TState> PossibleDestinations => possibleDestinations;

        public void Add(GuardClause guard) => _guards.Add(guard);

        /// <summary>The reasons of the failing guards, in configuration order; without arguments (a listing) argument guards are skipped.</summary>
        public IReadOnlyList<string> FailingReasons(TContext context, TriggerArguments? arguments) =>
        [
            .. _guards
                .Where(guard => arguments is not null || !guard.ReadsArguments)
                .Where(guard => !guard.IsMet(context, arguments ?? TriggerArguments.Empty))
                .Select(guard => guard.Reason(context)),
        ];

        public TState Destination(TContext context, TriggerArguments arguments)
        {
            var to = destination(context, arguments);
            // A destination outside the declared ones would make the diagram lie, so it is a bug in the definition.
            return possibleDestinations.Contains(to)
                ? to
                : throw new InvalidOperationException(
                    $"{trigger} led to {to}, which is not among its declared destinations ({string.Join(", ", possibleDestinations)}).");
        }

        public string DescribeDestination(TContext context)
        {
            if (!isDynamic)
            {
                return possibleDestinations[0].ToString();
            }

            try
            {
                return Destination(context, TriggerArguments.Empty).ToString();
            }
            catch (ValidationException)
            {
                // The destination depends on arguments a listing does not have (e.g. Reassess's level).
                return string.Join("|", possibleDestinations);
            }
        }
    }
}
