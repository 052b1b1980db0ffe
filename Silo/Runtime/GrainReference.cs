using System.Reflection;

namespace SocialValue.Silo.Runtime;

/// <summary>The object a caller holds for a grain: every interface call becomes a turn on the grain's activation.</summary>
public class GrainReference : DispatchProxy
{
    private GrainRuntime? _runtime;
    private GrainId _grain;

    internal void Bind(GrainRuntime runtime, GrainId grain)
    {
        _runtime = runtime;
        _grain = grain;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        GrainMethodInvoker.For(targetMethod!).Invoke(_runtime!, _grain, args);

    public override string ToString() => _grain.ToString();
}
