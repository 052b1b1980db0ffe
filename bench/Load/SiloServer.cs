using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SocialValue.Bench.Load;

/// <summary>
/// The real Silo as its own process, started from its Release build (<c>Silo/bin/Release/net10.0</c>) exactly as an
/// operator would: <c>dotnet SocialValue.Silo.dll --urls=... --Storage:Provider=...</c>, on fresh ports.
/// </summary>
public sealed class SiloServer : IAsyncDisposable
{
    public const string AdminKey = "bench-bootstrap-admin-key-0123456789";

    private readonly Process _process;

    private SiloServer(Process process, Uri address, TimeSpan startTime)
    {
        _process = process;
        Address = address;
        StartTime = startTime;
    }

    public Uri Address { get; }

    /// <summary>From <see cref="Process.Start()"/> to the first <c>/health</c> answered 200.</summary>
    public TimeSpan StartTime { get; }

    public int Pid => _process.Id;

    public static string SiloDll(string repository) =>
        Path.Combine(repository, "Silo", "bin", "Release", "net10.0", "SocialValue.Silo.dll");

    /// <summary>Starts this repository's Release build, or the Silo at <paramref name="dll"/> (another build, for comparison).</summary>
    public static async Task<SiloServer> StartAsync(BenchDatabase database, string? dll = null)
    {
        dll ??= SiloDll(database.Repository);
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: run `dotnet build SocialValue.sln -c Release` first.");
        }
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = database.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments =
        [
            dll,
            $"--urls={address}",
            $"--Storage:Provider={database.Provider}",
            $"--ConnectionStrings:SocialValue={database.ConnectionString}",
            $"--Auth:BootstrapAdminKey={AdminKey}",
            $"--Orleans:SiloPort={FreePort()}",
            $"--Orleans:GatewayPort={FreePort()}",
            // Information logs are JSON lines on stdout; Warning keeps the driver from spending its CPU reading them.
            "--Logging:LogLevel:Default=Warning",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        var errors = new List<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The Silo exited during start: {string.Join(Environment.NewLine, errors.TakeLast(20))}");
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(120))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The Silo did not answer /health within 120 s.");
            }
            try
            {
                using var response = await probe.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(10);
        }
        return new SiloServer(process, address, clock.Elapsed);
    }

    /// <summary>Resident memory of the Silo process (VmRSS in <c>/proc/&lt;pid&gt;/status</c>), in MiB.</summary>
    public double ResidentMiB()
    {
        var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kib = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kib / 1024.0;
    }

    public HttpClient Client(string? key = AdminKey)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
        })
        { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(120) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        }
        return client;
    }

    /// <summary>SIGTERM, so the Silo stops as an operator's stop would; SIGKILL after 30 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
