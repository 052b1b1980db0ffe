using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialValue.Runtime;
using SocialValue.Silo.Runtime;

namespace SocialValue.Silo.Tests.Infrastructure;

/// <summary>The real Silo on Kestrel at a free 127.0.0.1 port, on a test database, with the test grains added.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    public const string AdminKey = "test-bootstrap-admin-key";

    private readonly WebApplication _app;
    private bool _stopped;

    private TestSilo(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public GrainRuntime Runtime => _app.Services.GetRequiredService<GrainRuntime>();

    public static async Task<TestSilo> StartAsync(
        TestDatabase database,
        IEnumerable<string>? settings = null,
        Action<WebApplication>? configureApp = null)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Storage:Provider={database.Provider}",
            $"--ConnectionStrings:SocialValue={database.ConnectionString}",
            $"--Auth:BootstrapAdminKey={AdminKey}",
            "--Reminders:IdleWaitTime=00:00:01",
            "--Reminders:ClusterCheckinInterval=00:00:02",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:Console:FormatterName=simple",
            .. settings ?? [],
        ];
        var app = SiloApplication.Create(
            args,
            builder => builder.Services.AddGrainAssembly(typeof(TestSilo).Assembly),
            configureApp);
        await app.StartAsync();
        return new TestSilo(app, new Uri(app.Urls.Single()));
    }

    public HttpClient Client(string? key = AdminKey)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
