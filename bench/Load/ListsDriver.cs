using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace SocialValue.Bench.Load;

/// <summary>
/// List latency before and after paging (<c>load lists --provider Sqlite|Postgres --sizes 1000,10000</c>): at each
/// size, <c>GET /api/organisations</c> (Admin) read three ways, side by side in one run on one Silo:
/// <list type="bullet">
/// <item>the whole list, as one client had it before paging: every organisation, walked with <c>?limit=1000</c> and
/// the <c>Link</c> headers (one request at 1,000, ten at 10,000), timed from the first request to the last byte;</item>
/// <item>the first page as a client gets it now, <c>GET /api/organisations</c> (100 entries);</item>
/// <item>that page revalidated with its <c>ETag</c> in <c>If-None-Match</c>: a <c>304</c> with no body.</item>
/// </list>
/// Each is timed from one client (latency) and from <c>--clients</c> at once (p99), in <c>--window</c> second windows.
/// </summary>
public static class ListsDriver
{
    public const string Name = "lists";

    private const string List = "/api/organisations";

    public static async Task RunAsync(Options options)
    {
        var provider = options.Text("provider", "Sqlite");
        var sizes = options.Numbers("sizes", 1000, 10_000);
        var window = TimeSpan.FromSeconds(options.Number("window", 10));
        var clients = options.Number("clients", 16);
        Console.WriteLine($"# Lists driver ({provider}), {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs, "
            + $"{RuntimeInformation.FrameworkDescription}, load average {WritesDriver.LoadAverage()}");
        Console.WriteLine($"options: {options}");

        await using var database = await BenchDatabase.CreateAsync(provider);
        await using var silo = await SiloServer.StartAsync(database);
        using var admin = silo.Client();
        var rows = new List<string>();
        long existing = 0;
        foreach (var size in sizes)
        {
            var preload = await Organisations.PreloadAsync(admin, existing, size);
            Console.WriteLine($"preloaded to {size}: {preload}");
            existing = size;

            var (whole, wholeBytes, wholeRequests) = await WholeListAsync(admin);
            var firstPage = await Organisations.SendAsync(admin, HttpMethod.Get, List, null, HttpStatusCode.OK);
            var etag = await TagAsync(admin);
            var measured = new (string What, Func<Task> Read)[]
            {
                ($"whole list ({wholeRequests} × limit=1000, {wholeBytes / 1024.0:F0} KiB)", () => WholeListAsync(admin)),
                ($"first page (limit 100, {firstPage.Length / 1024.0:F0} KiB)", () => Organisations.GetAsync(admin, List)),
                ("first page revalidated (If-None-Match → 304)", () => RevalidateAsync(admin, etag)),
            };
            var results = new List<(string What, LoadResult One, LoadResult Many)>();
            foreach (var (what, read) in measured)
            {
                await LoadRun.RunAsync(4, TimeSpan.FromSeconds(2), (_, _) => read());
                var one = await LoadRun.RunAsync(1, window, (_, _) => read());
                var many = await LoadRun.RunAsync(clients, window, (_, _) => read());
                Console.WriteLine($"{size} organisations, {what}: 1 client {one}; {clients} clients {many}");
                GrowDriver.Ensure(one);
                GrowDriver.Ensure(many);
                results.Add((what, one, many));
            }
            var before = results[0].One.P50Ms;
            foreach (var (what, one, many) in results)
            {
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {size:N0} | {what} | {one.P50Ms:F2} ms | {one.P99Ms:F2} ms | {many.PerSecond:F0} req/s, p99 {many.P99Ms:F1} ms | **{before / one.P50Ms:F1}×** |"));
            }
            if (whole != size)
            {
                throw new InvalidOperationException($"The whole list has {whole} organisations, not {size}.");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Lists driver, {provider}; load average at the end {WritesDriver.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine($"| Organisations | Read | p50, 1 client | p99, 1 client | {clients} clients | p50 speed-up over the whole list |");
        Console.WriteLine("|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
    }

    /// <summary>Every organisation, page after page of 1,000 by the <c>Link</c> headers: what one body held before paging.</summary>
    private static async Task<(int Entries, long Bytes, int Requests)> WholeListAsync(HttpClient client)
    {
        var (entries, bytes, requests) = (0, 0L, 0);
        for (string? next = $"{List}?limit=1000"; next is not null; requests++)
        {
            using var response = await client.GetAsync(next);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {next}: {(int)response.StatusCode}");
            }
            entries += JsonSerializer.Deserialize<JsonElement>(body).GetArrayLength();
            bytes += body.Length;
            next = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
        }
        return (entries, bytes, requests);
    }

    private static async Task<EntityTagHeaderValue> TagAsync(HttpClient client)
    {
        using var response = await client.GetAsync(List);
        return response.Headers.ETag ?? throw new InvalidOperationException($"GET {List} has no ETag.");
    }

    private static async Task RevalidateAsync(HttpClient client, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, List);
        request.Headers.IfNoneMatch.Add(etag);
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.NotModified)
        {
            throw new InvalidOperationException($"GET {List} with If-None-Match {etag}: {(int)response.StatusCode}, not 304.");
        }
    }
}
