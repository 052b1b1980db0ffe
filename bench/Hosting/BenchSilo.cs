using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialValue.Bench.Counters;
using SocialValue.Runtime;
using SocialValue.Silo.Runtime;
using SocialValue.Silo.Storage;

namespace SocialValue.Bench.Hosting;

/// <summary>
/// The real grain runtime with the bench grains, built from the same DI registrations as the Silo but without the
/// web host: no API, no scheduler, no idle collection (hosted services are never started).
/// </summary>
public sealed class BenchSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchSilo(ServiceProvider services)
    {
        _services = services;
        Grains = services.GetRequiredService<IGrainFactory>();
    }

    public IGrainFactory Grains { get; }

    public static async Task<BenchSilo> StartAsync(IGrainStorage storage)
    {
        await storage.InitializeAsync(CancellationToken.None);
        var services = new ServiceCollection()
            .AddLogging()
            .AddGrainRuntime(new ConfigurationBuilder().Build(), typeof(BenchCounterGrain).Assembly)
            .AddSingleton(storage)
            .AddSingleton<IReminderRegistry, NoReminders>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return new BenchSilo(services);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>Reminders are not measured; a bench grain that registers one is a mistake in the benchmark.</summary>
    private sealed class NoReminders : IReminderRegistry
    {
        public Task RegisterOrUpdateAsync(Type grainInterface, string key, string reminderName, TimeSpan dueTime, TimeSpan? period) =>
            throw new NotSupportedException("The benchmarks run without a scheduler.");

        public Task UnregisterAsync(Type grainInterface, string key, string reminderName) =>
            throw new NotSupportedException("The benchmarks run without a scheduler.");
    }
}
