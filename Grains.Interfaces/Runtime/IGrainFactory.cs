namespace SocialValue.Runtime;

/// <summary>Hands out references to grains; calling a reference activates the grain on first use.</summary>
public interface IGrainFactory
{
    /// <summary>A reference to the grain of interface <typeparamref name="TGrain"/> with the given key.</summary>
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrain;
}
