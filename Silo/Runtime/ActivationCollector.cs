using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SocialValue.Silo.Runtime;

/// <summary>Deactivates idle activations on a timer.</summary>
internal sealed class ActivationCollector(GrainRuntime runtime, IOptions<GrainRuntimeOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CollectionInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await runtime.CollectIdleAsync();
        }
    }
}
