namespace SocialValue.Silo.Runtime;

/// <summary>Settings of the grain runtime (section <c>Runtime</c>).</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>An activation unused for this long is deactivated.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);
}
