using Microsoft.Extensions.Configuration;
using SocialValue.Silo.Database;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Database;

public sealed class DatabaseSchemaTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Applying_the_schema_twice_changes_nothing_the_second_time_and_records_each_migration_once(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var schema = new DatabaseSchema(Settings(database));

        var first = await schema.ApplyAsync();
        var second = await schema.ApplyAsync();

        Assert.Equal(schema.LatestVersion, first);
        Assert.Equal(first, second);
        Assert.Equal(
            schema.Migrations.Select(m => m.Version.ToString()),
            await database.ColumnAsync("SELECT version FROM sv_schema_version ORDER BY version"));
    }

    [Fact]
    public async Task Postgres_has_migrations_for_grain_storage_clustering_and_indexes_and_Sqlite_for_grain_storage_and_indexes()
    {
        await using var sqlite = TestDatabase.Sqlite();
        await using var postgres = await TestDatabase.PostgresAsync();

        Assert.Equal(["0001_grain_storage", "0003_index_entries"], new DatabaseSchema(Settings(sqlite)).Migrations.Select(m => m.Name));
        Assert.Equal(["0001_grain_storage", "0002_clustering", "0003_index_entries"], new DatabaseSchema(Settings(postgres)).Migrations.Select(m => m.Name));
    }

    [Fact]
    public async Task Silos_starting_together_on_Postgres_apply_each_migration_once()
    {
        await using var database = await TestDatabase.PostgresAsync();
        var settings = Settings(database);

        var versions = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => new DatabaseSchema(settings).ApplyAsync())));

        Assert.All(versions, version => Assert.Equal(new DatabaseSchema(settings).LatestVersion, version));
        Assert.Equal(3L, Convert.ToInt64(await database.ScalarAsync("SELECT count(*) FROM sv_schema_version")));
    }

    [Fact]
    public async Task Sqlite_database_is_put_in_WAL_mode_and_its_folder_created()
    {
        await using var database = TestDatabase.Sqlite();

        await new DatabaseSchema(Settings(database)).ApplyAsync();

        Assert.Equal("wal", await database.ScalarAsync("PRAGMA journal_mode"));
    }

    [Fact]
    public void Relative_sqlite_path_is_resolved_against_the_working_directory()
    {
        var settings = DatabaseSettings.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "data", "socialvalue.db"), settings.SqliteFilePath);
        Assert.Equal("System.Data.SQLite", settings.Invariant);
    }

    [Theory]
    [InlineData("Host=db;Username=sv", true, 16)]
    [InlineData("Host=db;Username=sv;No Reset On Close=false;Max Auto Prepare=0", false, 0)]
    public void Postgres_storage_keeps_prepared_statements_and_skips_the_reset_unless_the_connection_string_says_otherwise(
        string connectionString, bool noResetOnClose, int maxAutoPrepare)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Postgres",
                ["ConnectionStrings:SocialValue"] = connectionString,
            })
            .Build();

        var settings = DatabaseSettings.FromConfiguration(configuration);
        var storage = new Npgsql.NpgsqlConnectionStringBuilder(settings.StorageConnectionString);

        Assert.Equal(connectionString, settings.ConnectionString);
        Assert.Equal(("db", "sv"), (storage.Host, storage.Username));
        Assert.Equal((noResetOnClose, maxAutoPrepare), (storage.NoResetOnClose, storage.MaxAutoPrepare));
    }

    [Fact]
    public void Unknown_provider_is_refused_with_the_setting_name()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "Oracle" })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.FromConfiguration(configuration));

        Assert.Contains("Storage:Provider", error.Message);
    }

    internal static DatabaseSettings Settings(TestDatabase database) =>
        DatabaseSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = database.Provider,
                ["ConnectionStrings:SocialValue"] = database.ConnectionString,
            })
            .Build());
}
