using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialValue.Runtime;
using SocialValue.Silo.Storage;

namespace SocialValue.Silo.Runtime;

/// <summary>
/// Activates grains on first call, one activation per grain in this process, and runs their calls one at a
/// time in arrival order. A call that meets a stale ETag is run once more on freshly read state.
/// </summary>
public sealed partial class GrainRuntime(
    IServiceProvider services,
    GrainTypeRegistry registry,
    IGrainStorage storage,
    IReminderRegistry reminders,
    TimeProvider time,
    IOptions<GrainRuntimeOptions> options,
    ILogger<GrainRuntime> logger) : IGrainFactory
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private readonly JsonSerializerOptions _json = StateJson.Options;

    public GrainTypeRegistry Registry => registry;

    public int ActivationCount => _activations.Count;

    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrain => (TGrain)GetGrain(typeof(TGrain), key);

    public object GetGrain(Type grainInterface, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var reference = DispatchProxy.Create(grainInterface, typeof(GrainReference));
        ((GrainReference)reference).Bind(this, new GrainId(grainInterface, key));
        return reference;
    }

    internal async Task<T> InvokeAsync<T>(GrainId id, Func<object, Task<T>> call)
    {
        CallChain.ThrowIfInside(id);
        while (true)
        {
            var activation = _activations.GetOrAdd(id, static grain => new GrainActivation(grain));
            await activation.WaitForTurnAsync();
            try
            {
                if (activation.IsCollected)
                {
                    continue;
                }
                CallChain.Enter(id);
                return await RunTurnAsync(activation, call);
            }
            finally
            {
                activation.EndTurn();
            }
        }
    }

    private async Task<T> RunTurnAsync<T>(GrainActivation activation, Func<object, Task<T>> call)
    {
        try
        {
            activation.Instance ??= await ActivateAsync(activation.Id);
            try
            {
                return await call(activation.Instance);
            }
            catch (InconsistentStateException conflict)
            {
                LogConflictRetry(activation.Id, conflict.Message);
                activation.Instance = null;
                activation.Instance = await ActivateAsync(activation.Id);
                return await call(activation.Instance);
            }
        }
        catch
        {
            // A failed call may have changed in-memory state it never wrote: the next call starts from storage.
            activation.Instance = null;
            throw;
        }
    }

    private async Task<object> ActivateAsync(GrainId id)
    {
        var implementation = registry.ImplementationOf(id.Interface);
        var constructor = implementation.GetConstructors().Single();
        var states = new List<IStorageBackedState>();
        var arguments = new List<object> { new GrainContext(id, this, reminders, time) };
        foreach (var parameter in constructor.GetParameters())
        {
            var type = parameter.ParameterType;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IPersistentState<>))
            {
                var stateType = typeof(PersistentState<>).MakeGenericType(type.GetGenericArguments()[0]);
                var address = new StateAddress(implementation.Name, id.Key, parameter.Name!);
                var state = (IStorageBackedState)Activator.CreateInstance(stateType, address, storage, _json)!;
                states.Add(state);
                arguments.Add(state);
            }
        }
        foreach (var state in states)
        {
            await state.ReadStateAsync();
        }
        var instance = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance(services, implementation, [.. arguments]);
        if (instance is Grain grain)
        {
            await grain.OnActivateAsync(CancellationToken.None);
        }
        return instance;
    }

    /// <summary>Deactivates activations unused for longer than the collection age; returns how many.</summary>
    public async Task<int> CollectIdleAsync(TimeSpan? age = null)
    {
        var threshold = Environment.TickCount64 - (long)(age ?? options.Value.CollectionAge).TotalMilliseconds;
        var collected = 0;
        foreach (var (id, activation) in _activations)
        {
            if (activation.LastUsed > threshold || !activation.TryTakeTurnNow())
            {
                continue;
            }
            try
            {
                await DeactivateAsync(id, activation);
                collected++;
            }
            finally
            {
                activation.EndTurn();
            }
        }
        return collected;
    }

    private async Task DeactivateAsync(GrainId id, GrainActivation activation)
    {
        activation.MarkCollected();
        _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(id, activation));
        if (activation.Instance is Grain grain)
        {
            try
            {
                await grain.OnDeactivateAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                LogDeactivationFailed(id, e);
            }
        }
        activation.Instance = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Write conflict on {Grain}, running the call again on fresh state: {Detail}")]
    private partial void LogConflictRetry(GrainId grain, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deactivating {Grain} failed")]
    private partial void LogDeactivationFailed(GrainId grain, Exception exception);
}
