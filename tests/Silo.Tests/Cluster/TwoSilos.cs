using Npgsql;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Cluster;

/// <summary>
/// Two Silo processes on one fresh PostgreSQL database: one Orleans cluster, each Silo with its own HTTP and Orleans
/// ports and its own Hangfire server. Both start at once, as a cluster does when its machines boot together.
/// </summary>
public sealed class TwoSilos : IAsyncLifetime
{
    private TestDatabase? _database;

    public SiloProcess A { get; private set; } = null!;

    public SiloProcess B { get; private set; } = null!;

    /// <summary>The Silo a test's <paramref name="i"/>-th request goes through: A, B, A, B, …</summary>
    public SiloProcess Alternate(int i) => i % 2 == 0 ? A : B;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.PostgresAsync();
        Task<SiloProcess>[] starting = [SiloProcess.StartAsync(_database), SiloProcess.StartAsync(_database)];
        try
        {
            (A, B) = (await starting[0], await starting[1]);
        }
        catch
        {
            await Task.WhenAll(starting.Select(start => start.ContinueWith(_ => { }, TaskScheduler.Default)));
            foreach (var started in starting.Where(start => start.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }
            throw;
        }
        await Eventually.HoldsAsync(() => ScalarAsync("SELECT count(*) FROM sv_membership WHERE status = 3"), active => active == 2,
            TimeSpan.FromSeconds(60), "both Silos are active members of one cluster");
        // Starting together on a new database once made Hangfire's schema install fail on one Silo, logged as an error.
        foreach (var silo in new[] { A, B })
        {
            Assert.False(silo.Output.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal),
                $"a Silo logged an error while starting:{Environment.NewLine}{silo.Output}");
        }
    }

    public async Task DisposeAsync()
    {
        if (A is not null)
        {
            await A.DisposeAsync();
        }
        if (B is not null)
        {
            await B.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Runs a query returning one number on the cluster's database.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
