using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using SocialValue.Silo.Database;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Database;

public sealed class GrainStorageTests
{
    private const string ProbeRow = "FROM sv_grain_state WHERE state_name = 'probe' AND key_string = 'p1'";

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task State_written_before_a_restart_is_read_after_it_and_a_clear_empties_it(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var first = await TestSilos.StartAsync(database);
        await first.Grains().GetGrain<IStorageProbeGrain>("p1").SetAsync("hello", ProbeKind.Approved);
        await first.StopAndDisposeAsync();

        var second = await TestSilos.StartAsync(database);
        var probe = second.Grains().GetGrain<IStorageProbeGrain>("p1");
        Assert.Equal(new ProbeState { Text = "hello", Kind = ProbeKind.Approved, Writes = 1 }, await probe.GetAsync());

        await probe.ClearAsync();
        await probe.SetAsync("again", ProbeKind.Draft);
        await second.StopAndDisposeAsync();

        Assert.Equal(3L, Convert.ToInt64(await database.ScalarAsync($"SELECT version {ProbeRow}")));
        var third = await TestSilos.StartAsync(database);
        Assert.Equal(new ProbeState { Text = "again", Writes = 1 }, await third.Grains().GetGrain<IStorageProbeGrain>("p1").GetAsync());
        await third.StopAndDisposeAsync();
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Stored_state_is_plain_camel_case_json_with_enum_names_and_no_type_names(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var host = await TestSilos.StartAsync(database);

        await host.Grains().GetGrain<IStorageProbeGrain>("p1").SetAsync("hello", ProbeKind.Approved);
        await host.StopAndDisposeAsync();

        var payload = (string)(await database.ScalarAsync($"SELECT payload {ProbeRow}"))!;
        Assert.DoesNotContain("$type", payload);
        using var json = JsonDocument.Parse(payload);
        Assert.Equal("hello", json.RootElement.GetProperty("text").GetString());
        Assert.Equal("Approved", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("writes").GetInt32());
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task A_write_over_a_version_changed_behind_the_grain_throws_and_the_next_call_reloads(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var host = await TestSilos.StartAsync(database);
        var probe = host.Grains().GetGrain<IStorageProbeGrain>("p1");
        await probe.SetAsync("mine", ProbeKind.Draft);

        await database.ExecuteAsync($"UPDATE sv_grain_state SET version = version + 1, payload = '{{\"text\":\"theirs\",\"writes\":7}}' WHERE state_name = 'probe'");

        await Assert.ThrowsAsync<InconsistentStateException>(() => probe.SetAsync("stale", ProbeKind.Draft));
        Assert.Equal(new ProbeState { Text = "theirs", Writes = 7 }, await probe.GetAsync());
        await probe.SetAsync("fresh", ProbeKind.Draft);
        Assert.Equal(3L, Convert.ToInt64(await database.ScalarAsync($"SELECT version {ProbeRow}")));
        await host.StopAndDisposeAsync();
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task A_clear_with_a_stale_version_throws(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var host = await TestSilos.StartAsync(database);
        var probe = host.Grains().GetGrain<IStorageProbeGrain>("p1");
        await probe.SetAsync("mine", ProbeKind.Draft);

        await database.ExecuteAsync("UPDATE sv_grain_state SET version = version + 1 WHERE state_name = 'probe'");

        await Assert.ThrowsAsync<InconsistentStateException>(() => probe.ClearAsync());
        await host.StopAndDisposeAsync();
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task A_first_write_over_a_row_that_appeared_after_activation_throws(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var host = await TestSilos.StartAsync(database);
        var probe = host.Grains().GetGrain<IStorageProbeGrain>("p1");
        Assert.Equal(new ProbeState(), await probe.GetAsync());

        await database.ExecuteAsync(
            "INSERT INTO sv_grain_state (service_id, state_name, key_string, key_n0, key_n1, version, payload) " +
            "VALUES ('socialvalue', 'probe', 'p1', 0, 0, 1, '{\"text\":\"theirs\"}')");

        await Assert.ThrowsAsync<InconsistentStateException>(() => probe.SetAsync("blind", ProbeKind.Draft));
        Assert.Equal("theirs", (await probe.GetAsync()).Text);
        await host.StopAndDisposeAsync();
    }

    [Theory]
    [InlineData("p1")]
    [InlineData("cafe")]
    [InlineData("12345")]
    [InlineData("org+ext")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    public async Task Sqlite_storage_splits_a_key_into_the_columns_orleans_ado_net_storage_writes(string key)
    {
        // Orleans' own provider (still the PostgreSQL storage) decides where a key goes; the SQLite storage must agree,
        // or rows written by one would be invisible to the other.
        await using var database = await TestDatabase.PostgresAsync();
        var host = await TestSilos.StartAsync(database);
        await host.Grains().GetGrain<IStorageProbeGrain>(key).SetAsync("hello", ProbeKind.Draft);
        await host.StopAndDisposeAsync();

        var written = await database.ColumnAsync(
            "SELECT key_string || '|' || key_n0 || '|' || key_n1 FROM sv_grain_state WHERE state_name = 'probe'");
        var (keyString, n0, n1) = SqliteGrainStorage.StorageKey(GrainId.Create("storage-probe", key));
        Assert.Equal([$"{keyString}|{n0}|{n1}"], written);
    }

    [Fact]
    public async Task Sqlite_clear_of_a_grain_that_never_wrote_changes_nothing_unless_a_row_appeared_behind_it()
    {
        await using var database = TestDatabase.Sqlite();
        var host = await TestSilos.StartAsync(database);
        var probe = host.Grains().GetGrain<IStorageProbeGrain>("p1");

        await probe.ClearAsync();
        Assert.Equal(0L, Convert.ToInt64(await database.ScalarAsync("SELECT count(*) FROM sv_grain_state")));

        await database.ExecuteAsync(
            "INSERT INTO sv_grain_state (service_id, state_name, key_string, key_n0, key_n1, version, payload) " +
            "VALUES ('socialvalue', 'probe', 'p1', 0, 0, 1, '{\"text\":\"theirs\"}')");
        await Assert.ThrowsAsync<InconsistentStateException>(() => probe.ClearAsync());
        Assert.Equal("theirs", (await probe.GetAsync()).Text);
        await host.StopAndDisposeAsync();
    }

    [Fact]
    public async Task Concurrent_writes_to_one_sqlite_file_go_through_the_write_queue_and_all_land()
    {
        await using var database = TestDatabase.Sqlite();
        var host = await TestSilos.StartAsync(database);
        var grains = host.Grains();

        await Task.WhenAll(Enumerable.Range(0, 400).Select(i =>
            grains.GetGrain<IStorageProbeGrain>($"c{i % 100}").SetAsync($"write {i}", ProbeKind.Draft)));

        Assert.IsType<SqliteGrainStorage>(host.Services.GetRequiredKeyedService<IGrainStorage>("store"));
        Assert.Equal(400L, Convert.ToInt64(await database.ScalarAsync("SELECT sum(version) FROM sv_grain_state")));
        await host.StopAndDisposeAsync();
    }

    [Fact]
    public async Task Postgres_storage_is_orleans_own_without_a_write_queue()
    {
        await using var database = await TestDatabase.PostgresAsync();
        var host = await TestSilos.StartAsync(database);

        Assert.IsType<AdoNetGrainStorage>(host.Services.GetRequiredKeyedService<IGrainStorage>("store"));
        await host.StopAndDisposeAsync();
    }

    [Fact]
    public async Task Postgres_storage_connections_keep_the_write_statement_prepared_once_it_has_been_used()
    {
        await using var database = await TestDatabase.PostgresAsync();
        var host = await TestSilos.StartAsync(database);
        var probe = host.Grains().GetGrain<IStorageProbeGrain>("p1");
        for (var write = 0; write < 5; write++)
        {
            // One at a time, so the storage reuses the same pooled connection for each write.
            await probe.SetAsync($"write {write}", ProbeKind.Draft);
        }

        // The same connection string from the same process is served from the pool the storage uses: its session
        // holds the statements Npgsql prepared automatically, and the grain-state write is one of them.
        var settings = host.Services.GetRequiredService<DatabaseSettings>();
        await using var connection = new Npgsql.NpgsqlConnection(settings.StorageConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%UPDATE sv_grain_state%'", connection);
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
        await host.StopAndDisposeAsync();
    }
}
