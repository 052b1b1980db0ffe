using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SocialValue.Bench.Grains;

/// <summary>
/// What Orleans adds to a call: <c>await grain.GetAsync()</c> on an activated <see cref="BenchGrain"/> in a silo
/// hosted in this process (localhost clustering, no storage: the grain writes nothing), against the same method on a
/// plain <see cref="BenchCounter"/>. The call from outside any grain is what the API's handlers make.
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class GrainCallBenchmarks
{
    private IHost _host = null!;
    private IBenchGrain _grain = null!;
    private BenchCounter _direct = null!;

    // Synchronous: the in-process emit toolchain of BenchmarkDotNet 0.14 does not await an async setup.
    [GlobalSetup]
    public void Setup()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort(), FreePort(), serviceId: "bench", clusterId: "bench"));
        _host = builder.Build();
        _host.StartAsync().GetAwaiter().GetResult();
        _grain = _host.Services.GetRequiredService<IGrainFactory>().GetGrain<IBenchGrain>(1);
        _grain.GetAsync().GetAwaiter().GetResult();
        _direct = new BenchCounter();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<int> Direct() => _direct.GetAsync();

    [Benchmark]
    public Task<int> ThroughOrleans() => _grain.GetAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
