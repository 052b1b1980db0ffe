using System.Collections.Immutable;

namespace SocialValue.Silo.Runtime;

/// <summary>The grains the current asynchronous flow is inside of, to refuse calls that would deadlock.</summary>
internal static class CallChain
{
    private static readonly AsyncLocal<ImmutableStack<GrainId>?> Current = new();

    public static void ThrowIfInside(GrainId target)
    {
        var chain = Current.Value;
        if (chain is null || !chain.Contains(target))
        {
            return;
        }
        var path = string.Join(" → ", chain.Reverse().Append(target));
        throw new GrainReentrancyException(
            $"Grain {target} would wait for itself ({path}); a grain may not call itself, directly or through other grains.");
    }

    /// <summary>Enters <paramref name="grain"/>; only the calling async method and what it awaits see the change.</summary>
    public static void Enter(GrainId grain) => Current.Value = (Current.Value ?? []).Push(grain);
}
