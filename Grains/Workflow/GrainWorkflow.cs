using System.Text;
using SocialValue.Errors;
using Stateless;
using Stateless.Graph;

namespace SocialValue.Workflow;

/// <summary>
/// A Stateless state machine over a grain's state, with what the workflow routes need: the permitted and blocked
/// triggers with every unmet guard's sentence, firing a trigger by name with its arguments, and the Mermaid diagram.
/// A subclass is the transition table: it configures <see cref="Machine"/> in its constructor.
/// </summary>
/// <remarks>
/// The state is read and written through the grain's state object, and <c>OnTransitioned</c> appends the history
/// entry to the grain's history, so both go out in the grain's next write. Build one per call: it holds the state
/// object it was given, which a grain may replace. The tables use fixed transitions (<c>Permit</c>, <c>PermitIf</c>,
/// <c>PermitReentryIf</c>), so that every edge is known to the listing and the diagram.
/// </remarks>
public abstract class GrainWorkflow<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Func<TState> _read;
    private readonly Action<TState> _write;
    private readonly List<TransitionRecord> _history;
    private readonly Dictionary<TTrigger, string[]> _requiredArguments = [];
    private readonly Dictionary<TTrigger, Func<TriggerArguments, ReadyTrigger>> _withParameter = [];
    private TransitionRequest? _firing;
    private DateTimeOffset _firedAt;

    /// <param name="name">What the workflow is called, e.g. "Commissioning cycle"; the title of its diagram.</param>
    /// <param name="initialState">Where a new resource starts.</param>
    /// <param name="read">Reads the current state from the grain's state.</param>
    /// <param name="write">Writes the state entered into the grain's state.</param>
    /// <param name="history">The grain's history, to which each transition is appended.</param>
    /// <param name="subject">The part of the grain's resource the workflow runs, recorded with each transition (e.g. <c>remedies/remedy-1</c>); none for the resource itself.</param>
    protected GrainWorkflow(
        string name, TState initialState, Func<TState> read, Action<TState> write, List<TransitionRecord> history, string? subject = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        (Name, InitialState) = (name, initialState);
        (_read, _write, _history) = (read, write, history);
        Machine = new StateMachine<TState, TTrigger>(read, write);
        Machine.OnTransitioned(transition => _history.Add(new TransitionRecord(
            _firedAt, Firing.Actor, transition.Trigger.ToString(), transition.Source.ToString(), transition.Destination.ToString(), Firing.Reason, subject)));
    }

    /// <summary>What the workflow is called; the title of its diagram.</summary>
    public string Name { get; }

    /// <summary>Where a new resource starts.</summary>
    public TState InitialState { get; }

    /// <summary>The current state, as the grain's state holds it.</summary>
    public TState State => _read();

    /// <summary>The machine the subclass configures.</summary>
    protected StateMachine<TState, TTrigger> Machine { get; }

    /// <summary>When the trigger being fired was fired, for entry actions that stamp a date (e.g. the award's).</summary>
    protected DateTimeOffset FiredAt => _firing is null ? throw NotFiring() : _firedAt;

    /// <summary>Who fired the trigger being fired, for entry actions that record it.</summary>
    protected string FiredBy => Firing.Actor;

    /// <summary>The reason given with the trigger being fired ("" when none), for entry actions that record it.</summary>
    protected string FiredReason => Firing.Reason ?? "";

    private TransitionRequest Firing => _firing ?? throw NotFiring();

    /// <summary>The triggers configured for <paramref name="state"/>, in enum order; none for a final state.</summary>
    public IReadOnlyList<TTrigger> TriggersOf(TState state)
    {
        var configured = Transitions(state).Select(t => t.Trigger).ToHashSet();
        return [.. Enum.GetValues<TTrigger>().Where(configured.Contains)];
    }

    /// <summary>
    /// Every trigger of the current state: permitted, with where it leads (several destinations joined by "|" when the
    /// trigger's argument chooses), or blocked, with the sentence of every unmet guard. Guards that read a trigger's
    /// argument pass for the argument's default, which is all a listing has; they are judged when the trigger is fired.
    /// </summary>
    public async Task<TransitionOptions> GetTransitionsAsync()
    {
        var state = State;
        var transitions = Transitions(state).ToList();
        var permittedTriggers = (await Machine.GetPermittedTriggersAsync()).ToHashSet();
        var permitted = new List<PermittedTransition>();
        var blocked = new List<BlockedTransition>();
        foreach (var trigger in TriggersOf(state))
        {
            if (permittedTriggers.Contains(trigger))
            {
                var destinations = transitions.Where(t => t.Trigger.Equals(trigger)).Select(t => t.To).ToHashSet();
                permitted.Add(new PermittedTransition(trigger.ToString(), string.Join("|", Enum.GetValues<TState>().Where(destinations.Contains))));
            }
            else
            {
                Machine.CanFire(trigger, out var unmetGuards);
                blocked.Add(new BlockedTransition(trigger.ToString(), [.. unmetGuards ?? []]));
            }
        }
        return new TransitionOptions(state.ToString(), permitted, blocked);
    }

    /// <summary>Fires the trigger named in <paramref name="request"/>, as the API receives it.</summary>
    /// <exception cref="ValidationException">No trigger of this workflow has that name (HTTP 422).</exception>
    /// <inheritdoc cref="FireAsync(TTrigger, TransitionRequest, DateTimeOffset)"/>
    public Task<WorkflowTransition<TState>> FireAsync(TransitionRequest request, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        return EnumNames.TryParse<TTrigger>(request.Trigger, out var trigger)
            ? FireAsync(trigger, request, at)
            : throw new ValidationException("trigger",
                $"'{request.Trigger}' is not a trigger of the {Name} workflow; its triggers are {EnumNames.List<TTrigger>()}.");
    }

    /// <summary>
    /// Fires <paramref name="trigger"/> on the grain's state: the state entered, the entry actions' changes and the
    /// history entry are in the grain's state when this returns, not yet written. A refused trigger changes nothing; if
    /// an entry action fails, the state and the history are put back, so entry actions assign only once they cannot fail.
    /// </summary>
    /// <exception cref="TransitionRefusedException">The state has no such trigger, or guards fail; every failing reason is given.</exception>
    /// <exception cref="ValidationException">A required argument is missing, or an argument has no valid value.</exception>
    public async Task<WorkflowTransition<TState>> FireAsync(TTrigger trigger, TransitionRequest request, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        var from = State;
        if (!TriggersOf(from).Contains(trigger))
        {
            throw new TransitionRefusedException(trigger.ToString(), from.ToString(), [NotATriggerOf(from, trigger)]);
        }
        var arguments = new TriggerArguments(request.Arguments);
        RequireArgumentsOf(trigger, arguments);

        var ready = _withParameter.TryGetValue(trigger, out var withParameter)
            ? withParameter(arguments)
            : new ReadyTrigger((out ICollection<string> unmetGuards) => Machine.CanFire(trigger, out unmetGuards), () => Machine.FireAsync(trigger));
        // Stateless's FireAsync refuses without the unmet guards, so they are asked for first.
        if (!ready.CanFire(out var unmetGuards))
        {
            throw new TransitionRefusedException(trigger.ToString(), from.ToString(), [.. unmetGuards]);
        }

        var recorded = _history.Count;
        (_firing, _firedAt) = (request, at);
        try
        {
            await ready.FireAsync();
        }
        catch
        {
            // A failing entry action must not leave a half-made transition in the grain's state for its next write.
            _write(from);
            _history.RemoveRange(recorded, _history.Count - recorded);
            throw;
        }
        finally
        {
            _firing = null;
        }
        return new WorkflowTransition<TState>(from, State, _history[^1]);
    }

    /// <summary>
    /// The table as a Mermaid <c>stateDiagram-v2</c> drawn by Stateless: an edge per transition, labelled with its
    /// trigger, entry action and guards; the workflow's name as the title.
    /// </summary>
    public string ToMermaid() =>
        new StringBuilder()
            .Append("---\n")
            .Append($"title: {Name}\n")
            .Append("---\n")
            .Append(MermaidGraph.Format(Machine.GetInfo()))
            .ToString();

    /// <summary>Makes <paramref name="names"/> required whenever <paramref name="trigger"/> is fired, e.g. Cancel needs "reason".</summary>
    protected void RequireArguments(TTrigger trigger, params string[] names)
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
    }

    /// <summary>
    /// Gives <paramref name="trigger"/> a parameter read from the request's arguments by <paramref name="parameter"/>
    /// (which throws <see cref="ValidationException"/> when it cannot), for guards and entry actions that need it.
    /// </summary>
    protected StateMachine<TState, TTrigger>.TriggerWithParameters<TArg> Parameter<TArg>(TTrigger trigger, Func<TriggerArguments, TArg> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var withParameter = Machine.SetTriggerParameters<TArg>(trigger);
        _withParameter.Add(trigger, arguments =>
        {
            var value = parameter(arguments);
            return new ReadyTrigger((out ICollection<string> unmetGuards) => Machine.CanFire(withParameter, value, out unmetGuards),
                () => Machine.FireAsync(withParameter, value));
        });
        return withParameter;
    }

    /// <summary>A guard for <c>PermitIf</c>: the condition, and the sentence the API gives when it does not hold.</summary>
    protected static Tuple<Func<bool>, string> Guard(Func<bool> isMet, string reason) => Tuple.Create(isMet, reason);

    /// <summary>
    /// A guard on a trigger's argument. A listing passes the argument's default (e.g. null for a bid id), for which the
    /// guard should hold, so that the trigger is listed by its other guards and this one is judged when fired.
    /// </summary>
    protected static Tuple<Func<TArg, bool>, string> Guard<TArg>(Func<TArg, bool> isMet, string reason) => Tuple.Create(isMet, reason);

    private IEnumerable<(TTrigger Trigger, TState To)> Transitions(TState state) =>
        Machine.GetInfo().States
            .Where(s => s.UnderlyingState is TState underlying && underlying.Equals(state))
            .SelectMany(s => s.FixedTransitions)
            .Select(t => ((TTrigger)t.Trigger.UnderlyingTrigger, (TState)t.DestinationState.UnderlyingState));

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

    private delegate bool CanFireWith(out ICollection<string> unmetGuards);

    /// <summary>A trigger ready to fire, its parameter read: asking whether it may, and firing it.</summary>
    private sealed record ReadyTrigger(CanFireWith CanFire, Func<Task> FireAsync);

    private InvalidOperationException NotFiring() => new($"No trigger of the {Name} workflow is being fired.");
}
