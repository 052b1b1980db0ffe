using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    /// <summary>
    /// Starts a Silo on <paramref name="database"/>; <paramref name="businessClock"/>, when given, is the clock the grains
    /// read the date from (which quarter has begun, when a deadline falls), so a test can move through quarters.
    /// </summary>
    public static async Task<TestSilo> StartAsync(
        TestDatabase database,
        IEnumerable<string>? settings = null,
        Action<WebApplication>? configureApp = null,
        TimeProvider? businessClock = null)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Storage:Provider={database.Provider}",
            $"--ConnectionStrings:SocialValue={database.ConnectionString}",
            $"--Auth:BootstrapAdminKey={AdminKey}",
            "--Scheduling:PollInterval=00:00:01",
            .. FreePort.OrleansEndpoints(),
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Error",
            "--Logging:Console:FormatterName=simple",
            .. settings ?? [],
        ];
        var app = SiloApplication.Create(args, builder =>
        {
            if (businessClock is not null)
            {
                builder.Services.AddKeyedSingleton(BusinessClock.Key, businessClock);
            }
        }, configureApp);
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
