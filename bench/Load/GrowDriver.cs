using System.Globalization;
using System.Net;
using System.Text.Json;
using SocialValue.KiteMark;
using SocialValue.Silo.Database;

namespace SocialValue.Bench.Load;

/// <summary>
/// One run over a growing database (<c>load grow --provider Sqlite|Postgres</c>):
/// (3) the organisation create rate, <c>POST /api/organisations</c>, in a window after preloading <c>--small</c>
/// organisations and in one after preloading to <c>--large</c>;
/// (4) <c>GET /api/organisations</c> (Admin) and the anonymous <c>GET /api/kitemark/register</c> at that size, req/s at
/// 1 client and p99 at 64;
/// (5) Silo start time to the first <c>/health</c> 200 on the grown database (<c>--starts</c> runs, median), and the
/// Silo's resident memory right after a start and after activating every organisation grain.
/// The register is filled with <c>--awards</c> real awards through HTTP, then, with the Silo stopped, its stored state
/// is extended to one holder per organisation (see <see cref="ExtendRegister"/>), because awarding thousands through
/// HTTP costs over a dozen requests each.
/// </summary>
public static class GrowDriver
{
    public const string Name = "grow";

    private static readonly string[] Evidence = ["social-4", "economic-2", "environment-6", "innovation-1"];

    public static async Task RunAsync(Options options)
    {
        var provider = options.Text("provider", "Sqlite");
        var small = options.Number("small", 1000);
        var large = options.Number("large", 10_000);
        var window = TimeSpan.FromSeconds(options.Number("window", 10));
        var createClients = options.Number("create-clients", 16);
        var starts = options.Number("starts", 5);
        var awards = options.Number("awards", 10);
        LoadRun.PrintHeader("Grow", provider, options);

        await using var database = await BenchDatabase.CreateAsync(provider);
        var summary = new List<string>();
        long next = 0;

        await using (var silo = await SiloServer.StartAsync(database))
        {
            summary.Add(Row("Start to first /health 200, empty database (schema created)", $"{silo.StartTime.TotalMilliseconds:F0} ms"));
            using var admin = silo.Client();

            // (3) Create rate at the small and at the large size, same run.
            var creates = new List<(int Size, LoadResult Result)>();
            foreach (var size in new[] { small, large })
            {
                var preload = await Organisations.PreloadAsync(admin, next, size);
                Console.WriteLine($"preloaded to {size}: {preload}");
                Ensure(preload);
                next = size;
                var start = next;
                var created = await LoadRun.RunAsync(createClients, window, (_, sequence) => Organisations.CreateAsync(admin, start + sequence));
                Console.WriteLine($"create window at {size} existing: {created}");
                Ensure(created);
                next += created.Count + created.Failures;
                creates.Add((size, created));
            }
            var (smallSize, atSmall) = creates[0];
            var (largeSize, atLarge) = creates[1];
            summary.Add(Row($"Create rate at {smallSize:N0} existing ({createClients} clients, {window.TotalSeconds:F0} s)",
                $"{atSmall.PerSecond:F1}/s, p50 {atSmall.P50Ms:F1} ms, p99 {atSmall.P99Ms:F1} ms"));
            summary.Add(Row($"Create rate at {largeSize:N0} existing ({createClients} clients, {window.TotalSeconds:F0} s)",
                $"{atLarge.PerSecond:F1}/s, p50 {atLarge.P50Ms:F1} ms, p99 {atLarge.P99Ms:F1} ms"));
            summary.Add(Row($"Create rate, {smallSize:N0} / {largeSize:N0} (target within 1.5×)", $"**{atSmall.PerSecond / atLarge.PerSecond:F2}×**"));

            // (4) The organisation list at the large size.
            var organisations = await ListAsync(admin, "/api/organisations", window);
            summary.Add(Row($"GET /api/organisations ({organisations.Entries:N0} entries, {organisations.Bytes / 1024.0:F0} KiB), 1 client",
                $"**{organisations.One.PerSecond:F1} req/s**, p50 {organisations.One.P50Ms:F1} ms"));
            summary.Add(Row("GET /api/organisations, 64 clients",
                $"{organisations.Many.PerSecond:F1} req/s, p50 {organisations.Many.P50Ms:F1} ms, **p99 {organisations.Many.P99Ms:F0} ms**"));

            // Real awards through HTTP, timed, so the register's stored state is the grains' own.
            var awardTime = await AwardAsync(silo, admin, awards);
            summary.Add(Row($"One Kite Mark award through HTTP (create, submit, review, {Evidence.Length} evidence, award; {awards} awards, 1 client)",
                $"{awardTime.TotalMilliseconds / awards:F0} ms each"));
        }

        var holders = ExtendRegister(database, next);
        Console.WriteLine($"register extended to {holders} holders");

        // (5) Start time on the grown database, and memory.
        var startTimes = new List<double>();
        for (var run = 1; run < starts; run++)
        {
            await using var silo = await SiloServer.StartAsync(database);
            startTimes.Add(silo.StartTime.TotalMilliseconds);
            Console.WriteLine($"start {run}: {silo.StartTime.TotalMilliseconds:F0} ms, RSS {silo.ResidentMiB():F0} MiB");
        }
        await using (var silo = await SiloServer.StartAsync(database))
        {
            startTimes.Add(silo.StartTime.TotalMilliseconds);
            Console.WriteLine($"start {starts}: {silo.StartTime.TotalMilliseconds:F0} ms");
            summary.Add(Row($"Start to first /health 200, {next:N0} organisations ({startTimes.Count} runs)",
                $"**median {LoadRun.Median(startTimes):F0} ms** (min {startTimes.Min():F0}, max {startTimes.Max():F0})"));

            await Task.Delay(TimeSpan.FromSeconds(2));
            var rssStart = silo.ResidentMiB();
            using var admin = silo.Client();
            var activation = await LoadRun.RunAsync(16, TimeSpan.FromHours(1),
                (_, sequence) => Organisations.GetAsync(admin, $"/api/organisations/{Organisations.Id(sequence)}"), next);
            Console.WriteLine($"activated {next} organisation grains: {activation}");
            Ensure(activation);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var rssActivated = silo.ResidentMiB();
            summary.Add(Row("Silo RSS 2 s after start", $"{rssStart:F0} MiB"));
            summary.Add(Row($"Silo RSS after activating {next:N0} organisation grains (GET each)",
                $"{rssActivated:F0} MiB (**+{rssActivated - rssStart:F0} MiB**, {(rssActivated - rssStart) * 1024 / next:F1} KiB per grain)"));

            using var anonymous = silo.Client(key: null);
            var register = await ListAsync(anonymous, "/api/kitemark/register", window);
            summary.Add(Row($"GET /api/kitemark/register ({register.Entries:N0} holders, {register.Bytes / 1024.0:F0} KiB, anonymous), 1 client",
                $"**{register.One.PerSecond:F1} req/s**, p50 {register.One.P50Ms:F1} ms"));
            summary.Add(Row("GET /api/kitemark/register, 64 clients",
                $"{register.Many.PerSecond:F1} req/s, p50 {register.Many.P50Ms:F1} ms, **p99 {register.Many.P99Ms:F0} ms**"));
        }

        Console.WriteLine();
        Console.WriteLine($"Grow driver, {provider}; load average at the end {WritesDriver.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| What | Measured |");
        Console.WriteLine("|---|---|");
        summary.ForEach(Console.WriteLine);
    }

    private static string Row(string what, string measured) => $"| {what} | {measured} |";

    /// <summary>Throws when any request of a window failed: a figure with failures in it measures something else.</summary>
    internal static void Ensure(LoadResult result)
    {
        if (result.Failures > 0)
        {
            throw new InvalidOperationException($"{result.Failures} requests failed, first: {result.FirstFailure}");
        }
    }

    /// <summary>One request to see the size, a warm-up, then a window at 1 client and one at 64.</summary>
    private static async Task<(int Entries, int Bytes, LoadResult One, LoadResult Many)> ListAsync(HttpClient client, string path, TimeSpan window)
    {
        var body = await Organisations.SendAsync(client, HttpMethod.Get, path, null, HttpStatusCode.OK);
        var entries = JsonSerializer.Deserialize<JsonElement>(body).GetArrayLength();
        await LoadRun.RunAsync(4, TimeSpan.FromSeconds(2), (_, _) => Organisations.GetAsync(client, path));
        var one = await LoadRun.RunAsync(1, window, (_, _) => Organisations.GetAsync(client, path));
        Console.WriteLine($"GET {path} ({entries} entries, {body.Length} bytes): {one}");
        var many = await LoadRun.RunAsync(64, window, (_, _) => Organisations.GetAsync(client, path));
        Console.WriteLine($"GET {path}: {many}");
        Ensure(one);
        Ensure(many);
        return (entries, body.Length, one, many);
    }

    /// <summary>
    /// Awards the Kite Mark to <paramref name="count"/> new NHS organisations, the steps of a real application:
    /// create, submit, start the review, evidence for each must-do and Innovation accepted by a Champion, award.
    /// </summary>
    private static async Task<TimeSpan> AwardAsync(SiloServer silo, HttpClient admin, int count)
    {
        await Organisations.SendJsonAsync(admin, HttpMethod.Post, "/api/organisations",
            new { id = "bench-body", name = "Bench Awarding Council", type = "LocalAuthority", place = Organisations.Place }, HttpStatusCode.Created);
        var key = await Organisations.SendJsonAsync(admin, HttpMethod.Post, "/api/keys",
            new { name = "Bench champion", role = "Champion", organisationId = "bench-body" }, HttpStatusCode.Created);
        using var champion = silo.Client(key.GetProperty("key").GetString());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var organisation = string.Create(CultureInfo.InvariantCulture, $"bench-holder-{i:D4}");
            var application = string.Create(CultureInfo.InvariantCulture, $"bench-application-{i:D4}");
            var path = $"/api/kitemark/applications/{application}";
            await Organisations.SendJsonAsync(admin, HttpMethod.Post, "/api/organisations",
                new { id = organisation, name = $"Bench Holder {i:D4}", type = "NhsProvider", place = Organisations.Place }, HttpStatusCode.Created);
            await Organisations.SendJsonAsync(admin, HttpMethod.Post, "/api/kitemark/applications",
                new { id = application, organisationId = organisation, awardingBodyId = "bench-body", schemeId = "cheshire-merseyside", consentToPublish = true },
                HttpStatusCode.Created);
            await Organisations.SendJsonAsync(admin, HttpMethod.Post, $"{path}/transitions", new { trigger = "Submit" }, HttpStatusCode.OK);
            await Organisations.SendJsonAsync(champion, HttpMethod.Post, $"{path}/transitions", new { trigger = "StartReview" }, HttpStatusCode.OK);
            foreach (var criterionId in Evidence)
            {
                var evidence = await Organisations.SendJsonAsync(admin, HttpMethod.Post, $"{path}/evidence",
                    new { criterionId, description = $"What we do for {criterionId}" }, HttpStatusCode.Created);
                await Organisations.SendJsonAsync(champion, HttpMethod.Put, $"{path}/evidence/{evidence.GetProperty("id").GetString()}/review",
                    new { accepted = true, comment = "Good evidence" }, HttpStatusCode.OK);
            }
            await Organisations.SendJsonAsync(champion, HttpMethod.Post, $"{path}/transitions", new { trigger = "Award" }, HttpStatusCode.OK);
        }
        var elapsed = clock.Elapsed;
        var register = await Organisations.SendJsonAsync(silo.Client(key: null), HttpMethod.Get, "/api/kitemark/register", null, HttpStatusCode.OK);
        if (register.GetArrayLength() != count)
        {
            throw new InvalidOperationException($"The register lists {register.GetArrayLength()} holders after {count} awards.");
        }
        Console.WriteLine($"{count} awards through HTTP in {elapsed.TotalSeconds:F1} s");
        return elapsed;
    }

    /// <summary>
    /// With the Silo stopped: reads one real holder the awards above wrote to the register's index rows
    /// (<c>sv_index_entry</c>, index <c>kite-mark-register</c>), and adds one row per bench organisation copying its
    /// awarding body and dates, in the storage's JSON format, as the register grain would. The register loads the rows
    /// on its next activation as if those awards had happened; only the application grains behind them are missing,
    /// and the register's GET does not read those.
    /// </summary>
    private static int ExtendRegister(BenchDatabase database, long organisations)
    {
        using var connection = database.OpenConnection();
        string payload, service, scope;
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT CAST(payload AS text), service_id, scope FROM sv_index_entry WHERE index_name = 'kite-mark-register' LIMIT 1";
            using var reader = read.ExecuteReader();
            if (!reader.Read())
            {
                throw new InvalidOperationException("The register has no stored holder.");
            }
            (payload, service, scope) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
        }
        var template = JsonSerializer.Deserialize<KiteMarkHolder>(payload, JsonGrainStorageSerializer.Options)!;
        using var transaction = connection.BeginTransaction();
        using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = $"""
            INSERT INTO sv_index_entry (service_id, index_name, scope, entry_id, payload)
            VALUES (@service, 'kite-mark-register', @scope, @id, {(database.IsPostgres ? "CAST(@payload AS json)" : "@payload")})
            ON CONFLICT (service_id, index_name, scope, entry_id) DO UPDATE SET payload = excluded.payload
            """;
        for (var i = 0; i < organisations; i++)
        {
            var id = Organisations.Id(i);
            var holder = template with
            {
                OrganisationId = id,
                OrganisationName = Organisations.Name(i),
                ApplicationId = string.Create(CultureInfo.InvariantCulture, $"bench-award-{i:D6}"),
            };
            write.Parameters.Clear();
            BenchDatabase.Parameter(write, "service", service);
            BenchDatabase.Parameter(write, "scope", scope);
            BenchDatabase.Parameter(write, "id", id);
            BenchDatabase.Parameter(write, "payload", JsonSerializer.Serialize(holder, JsonGrainStorageSerializer.Options));
            write.ExecuteNonQuery();
        }
        transaction.Commit();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM sv_index_entry WHERE index_name = 'kite-mark-register'";
        return Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
