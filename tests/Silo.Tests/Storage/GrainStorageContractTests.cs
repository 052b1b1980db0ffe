using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using SocialValue.Runtime;
using SocialValue.Silo.Storage;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Storage;

/// <summary>What every grain storage provider promises; runs against a real SQLite file and a real PostgreSQL database.</summary>
public abstract class GrainStorageContractTests : IAsyncLifetime
{
    private static readonly StateAddress Address = new("TestGrain", "key-1", "state");

    private TestDatabase? _database;
    private DbDataSource? _dataSource;

    protected abstract string Provider { get; }

    protected AdoGrainStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        if (Provider == "Postgres")
        {
            _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
            Storage = new AdoGrainStorage(_dataSource, StorageDialect.Postgres);
        }
        else
        {
            var connectionString = new SqliteConnectionStringBuilder(_database.ConnectionString);
            Directory.CreateDirectory(Path.GetDirectoryName(connectionString.DataSource)!);
            _dataSource = SqliteFactory.Instance.CreateDataSource(connectionString.ConnectionString);
            Storage = new AdoGrainStorage(_dataSource, StorageDialect.Sqlite);
        }
        await Storage.InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Reading_what_was_never_written_gives_nothing()
    {
        Assert.Null(await Storage.ReadAsync(Address));
    }

    [Fact]
    public async Task A_first_write_is_read_back_with_its_etag()
    {
        var etag = await Storage.WriteAsync(Address, """{"count":1}""", null);

        var stored = await Storage.ReadAsync(Address);

        Assert.Equal(new StoredState(etag, """{"count":1}"""), stored);
    }

    [Fact]
    public async Task Each_write_moves_the_etag_on()
    {
        var first = await Storage.WriteAsync(Address, "1", null);
        var second = await Storage.WriteAsync(Address, "2", first);
        var third = await Storage.WriteAsync(Address, "3", second);

        Assert.Equal(3, new[] { first, second, third }.Distinct().Count());
        Assert.Equal(new StoredState(third, "3"), await Storage.ReadAsync(Address));
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        var first = await Storage.WriteAsync(Address, "first", null);
        var second = await Storage.WriteAsync(Address, "second", first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Address, "stale", first));

        Assert.Equal(new StoredState(second, "second"), await Storage.ReadAsync(Address));
    }

    [Fact]
    public async Task A_first_write_loses_to_a_record_that_appeared_meanwhile()
    {
        var winner = await Storage.WriteAsync(Address, "winner", null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Address, "loser", null));

        Assert.Equal(new StoredState(winner, "winner"), await Storage.ReadAsync(Address));
    }

    [Fact]
    public async Task Clearing_keeps_the_version_chain_and_refuses_stale_clears()
    {
        var written = await Storage.WriteAsync(Address, "x", null);
        var cleared = await Storage.ClearAsync(Address, written);

        Assert.Equal(new StoredState(cleared!, null), await Storage.ReadAsync(Address));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(Address, written));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Address, "y", written));
        Assert.NotNull(await Storage.WriteAsync(Address, "y", cleared));
    }

    [Fact]
    public async Task Records_are_kept_apart_by_grain_type_key_and_state_name()
    {
        await Storage.WriteAsync(Address, "a", null);
        await Storage.WriteAsync(Address with { GrainType = "Other" }, "b", null);
        await Storage.WriteAsync(Address with { Key = "key-2" }, "c", null);
        await Storage.WriteAsync(Address with { StateName = "other" }, "d", null);

        Assert.Equal("a", (await Storage.ReadAsync(Address))!.Payload);
        Assert.Equal("b", (await Storage.ReadAsync(Address with { GrainType = "Other" }))!.Payload);
        Assert.Equal("c", (await Storage.ReadAsync(Address with { Key = "key-2" }))!.Payload);
        Assert.Equal("d", (await Storage.ReadAsync(Address with { StateName = "other" }))!.Payload);
    }

    [Fact]
    public async Task Large_and_non_ascii_payloads_round_trip_exactly()
    {
        var payload = $$"""{"text":"Cheshire & Merseyside – £10k, naïve “quotes” 🏥","blob":"{{new string('x', 200_000)}}"}""";

        var etag = await Storage.WriteAsync(Address, payload, null);

        Assert.Equal(new StoredState(etag, payload), await Storage.ReadAsync(Address));
    }

    [Fact]
    public async Task Creating_the_schema_again_keeps_the_data()
    {
        var etag = await Storage.WriteAsync(Address, "kept", null);

        await Storage.InitializeAsync(CancellationToken.None);

        Assert.Equal(new StoredState(etag, "kept"), await Storage.ReadAsync(Address));
    }

    [Fact]
    public async Task Concurrent_writers_from_one_version_have_exactly_one_winner()
    {
        var start = await Storage.WriteAsync(Address, "start", null);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await Storage.WriteAsync(Address, $"writer {i}", start);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(won => won));
    }
}

public sealed class SqliteGrainStorageTests : GrainStorageContractTests
{
    protected override string Provider => "Sqlite";
}

public sealed class PostgresGrainStorageTests : GrainStorageContractTests
{
    protected override string Provider => "Postgres";
}
