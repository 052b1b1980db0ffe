using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace SocialValue.Silo.Tests.Infrastructure;

/// <summary>The Silo as its own operating-system process, so a test can kill it without warning.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SiloProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote to stdout and stderr, for a failing test's message.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    public static async Task<SiloProcess> StartAsync(TestDatabase database, IEnumerable<string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "SocialValue.Silo.dll"),
            $"--urls={address}",
            $"--Storage:Provider={database.Provider}",
            $"--ConnectionStrings:SocialValue={database.ConnectionString}",
            $"--Auth:BootstrapAdminKey={TestSilo.AdminKey}",
            "--Logging:LogLevel:Default=Warning",
            "--Scheduling:PollInterval=00:00:01",
            .. FreePort.OrleansEndpoints(),
            .. settings ?? [],
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        var silo = new SiloProcess(process, address);
        process.OutputDataReceived += (_, line) => silo.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => silo.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = address };
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                return (await probe.GetAsync("/health")).StatusCode;
            }
            catch (HttpRequestException)
            {
                return HttpStatusCode.ServiceUnavailable;
            }
        }, status => status == HttpStatusCode.OK || process.HasExited, TimeSpan.FromSeconds(120), "the Silo process did not become healthy");
        Assert.False(process.HasExited, $"the Silo process exited during start:{Environment.NewLine}{silo.Output}");
        return silo;
    }

    public HttpClient Client(string? key = TestSilo.AdminKey)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        }
        return client;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, nothing the process could do to help.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }
}
