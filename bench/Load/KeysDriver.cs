using System.Globalization;
using System.Net;
using System.Security.Cryptography;

namespace SocialValue.Bench.Load;

/// <summary>
/// What unauthenticated requests with made-up API keys cost the Silo (<c>load keys --provider Sqlite|Postgres</c>):
/// <c>--requests</c> <c>GET /api/organisations</c> from <c>--clients</c> loops, each with a new random key, first of the
/// issued shape (<c>sv_{12 hex}_{43 base64url}</c>, an id that names no key), then of <c>--huge-chars</c> characters;
/// every answer must be 401. Prints the Silo's resident memory before, right after and <c>--settle</c> seconds after
/// each kind, for <c>--rounds</c> rounds of both kinds: memory that is flat stops growing after the first.
/// <c>--silo path/to/SocialValue.Silo.dll</c> runs another build (e.g. main's, for a before figure).
/// </summary>
public static class KeysDriver
{
    public const string Name = "keys";

    public static async Task RunAsync(Options options)
    {
        var provider = options.Text("provider", "Sqlite");
        var requests = options.Number("requests", 10_000);
        var clients = options.Number("clients", 16);
        var hugeChars = options.Number("huge-chars", 8_000);
        var settle = TimeSpan.FromSeconds(options.Number("settle", 10));
        var rounds = options.Number("rounds", 3);
        var dll = options.Text("silo", "");
        LoadRun.PrintHeader("Keys", provider, options);

        await using var database = await BenchDatabase.CreateAsync(provider);
        await using var silo = await SiloServer.StartAsync(database, dll.Length == 0 ? null : dll);
        using var admin = silo.Client();
        using var anonymous = silo.Client(key: null);
        // Warm-up: JIT, the pipeline, the key grains' storage reads, so the first kind is not charged for them.
        var warm = await LoadRun.RunAsync(clients, TimeSpan.FromMinutes(5), (_, _) => UnauthorisedAsync(anonymous, WellFormed()), total: 500);
        Console.WriteLine($"warm-up (500 well-formed unknown keys): {warm}");
        await Task.Delay(settle);
        var baseline = silo.ResidentMiB();
        Console.WriteLine($"resident after warm-up and {settle.TotalSeconds:F0} s: {baseline:F0} MiB");

        (string Kind, Func<string> Key)[] kinds =
        [
            ("well-formed unknown keys", WellFormed),
            ($"huge keys ({hugeChars:N0} chars)", () => Huge(hugeChars)),
        ];
        var rows = new List<string>();
        foreach (var (round, kind, key) in Enumerable.Range(1, rounds).SelectMany(r => kinds.Select(k => (r, k.Kind, k.Key))))
        {
            var before = silo.ResidentMiB();
            var result = await LoadRun.RunAsync(clients, TimeSpan.FromHours(1), (_, _) => UnauthorisedAsync(anonymous, key()), total: requests);
            var after = silo.ResidentMiB();
            await Task.Delay(settle);
            var settled = silo.ResidentMiB();
            Console.WriteLine($"round {round}, {kind}: {result}; resident {before:F0} → {after:F0} MiB, {settled:F0} MiB after {settle.TotalSeconds:F0} s");
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {round} | {kind} | {result.Count:N0} | {result.Failures} | {result.PerSecond:F0}/s, p99 {result.P99Ms:F1} ms | {before:F0} → {after:F0} ({after - before:+0;-0} MiB) | {settled:F0} ({settled - before:+0;-0} MiB) |"));
        }
        // Still serving: an issued key works after all that.
        using var check = await admin.GetAsync("/api/organisations");
        Console.WriteLine($"admin GET /api/organisations afterwards: {(int)check.StatusCode}");

        Console.WriteLine();
        Console.WriteLine($"| Round | Requests ({provider}, {clients} clients) | answered 401 | not 401 | rate | resident MiB before → right after | after {settle.TotalSeconds:F0} s |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
    }

    private static async Task UnauthorisedAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/organisations");
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {key}");
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            throw new InvalidOperationException($"expected 401, got {(int)response.StatusCode}");
        }
    }

    /// <summary>A key of the issued shape whose id names no key.</summary>
    private static string WellFormed() =>
        $"sv_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}_{System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";

    /// <summary>A key with an id of nearly <paramref name="chars"/> random hex digits: before the shape check, a grain key.</summary>
    private static string Huge(int chars) =>
        $"sv_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Math.Max(1, (chars - 48) / 2)))}_{System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";
}
