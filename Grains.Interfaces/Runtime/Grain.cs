namespace SocialValue.Runtime;

/// <summary>Base class of grain implementations: the runtime passes the activation's context.</summary>
public abstract class Grain(IGrainContext context)
{
    /// <summary>The activation's context.</summary>
    protected IGrainContext Context { get; } = context;

    /// <summary>The grain's key.</summary>
    protected string Key => Context.Key;

    /// <summary>References to other grains.</summary>
    protected IGrainFactory GrainFactory => Context.GrainFactory;

    /// <summary>Called after the state is read, before the first call is delivered.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called when the runtime collects an idle activation or shuts down.</summary>
    public virtual Task OnDeactivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
