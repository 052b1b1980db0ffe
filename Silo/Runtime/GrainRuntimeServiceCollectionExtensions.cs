using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialValue.Runtime;

namespace SocialValue.Silo.Runtime;

public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>The grain runtime with the grain classes of <paramref name="grainAssemblies"/>; more can be added with <see cref="AddGrainAssembly"/>.</summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, IConfiguration configuration, params Assembly[] grainAssemblies)
    {
        services.Configure<GrainRuntimeOptions>(configuration.GetSection("Runtime"));
        services.TryAddSingleton(TimeProvider.System);
        foreach (var assembly in grainAssemblies)
        {
            services.AddGrainAssembly(assembly);
        }
        services.AddSingleton(sp => sp.GetServices<GrainAssembly>()
            .Select(g => g.Assembly)
            .Distinct()
            .Aggregate(new GrainTypeRegistry(), (registry, assembly) => registry.Add(assembly)));
        services.AddSingleton<GrainRuntime>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.AddHostedService<ActivationCollector>();
        return services;
    }

    public static IServiceCollection AddGrainAssembly(this IServiceCollection services, Assembly assembly) =>
        services.AddSingleton(new GrainAssembly(assembly));

    /// <summary>An assembly whose grain classes the runtime activates.</summary>
    public sealed record GrainAssembly(Assembly Assembly);
}
