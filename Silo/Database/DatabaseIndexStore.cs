using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using SocialValue.Indexes;

namespace SocialValue.Silo.Database;

/// <summary>
/// The index grains' entries in <c>sv_index_entry</c> (migration 0003), one row per entry, under the cluster's service
/// id. Entries are JSON written with <see cref="JsonGrainStorageSerializer.Options"/>, like grain state. On SQLite,
/// writes go through the Silo's <see cref="SqliteWriteQueue"/> with grain storage's, and commit with the writes queued beside them.
/// </summary>
internal sealed class DatabaseIndexStore(DatabaseSettings settings, IOptions<ClusterOptions> cluster, SqliteWriteQueue? sqliteWrites)
    : IIndexStore
{
    private const string Scope = "service_id = @service AND index_name = @index AND scope = @scope";

    private readonly string _upsert = settings.Provider == DatabaseProvider.Postgres
        ? """
          INSERT INTO sv_index_entry (service_id, index_name, scope, entry_id, payload)
          VALUES (@service, @index, @scope, @id, CAST(@payload AS json))
          ON CONFLICT (service_id, index_name, scope, entry_id)
          DO UPDATE SET payload = excluded.payload, modified_at = now()
          """
        : """
          INSERT INTO sv_index_entry (service_id, index_name, scope, entry_id, payload)
          VALUES (@service, @index, @scope, @id, @payload)
          ON CONFLICT (service_id, index_name, scope, entry_id)
          DO UPDATE SET payload = excluded.payload, modified_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
          """;

    public async Task<IReadOnlyList<T>> LoadAsync<T>(string index, string scope)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, $"SELECT CAST(payload AS text) FROM sv_index_entry WHERE {Scope}", index, scope);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<T>();
        while (await reader.ReadAsync())
        {
            entries.Add(JsonSerializer.Deserialize<T>(reader.GetString(0), JsonGrainStorageSerializer.Options)!);
        }
        return entries;
    }

    public Task UpsertAsync<T>(string index, string scope, string id, T entry) =>
        WriteAsync(_upsert, index, scope, id, JsonSerializer.Serialize(entry, JsonGrainStorageSerializer.Options));

    public Task DeleteAsync(string index, string scope, string id) =>
        WriteAsync($"DELETE FROM sv_index_entry WHERE {Scope} AND entry_id = @id", index, scope, id, payload: null);

    private async Task WriteAsync(string sql, string index, string scope, string id, string? payload)
    {
        if (sqliteWrites is not null)
        {
            await sqliteWrites.RunAsync(batch =>
            {
                var command = batch.Command(sql);
                Bind(command);
                return command.ExecuteNonQuery();
            });
            return;
        }
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Bind(command);
        await command.ExecuteNonQueryAsync();

        void Bind(DbCommand command)
        {
            AddScope(command, index, scope);
            Add(command, "id", id);
            if (payload is not null)
            {
                Add(command, "payload", payload);
            }
        }
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = settings.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(settings.StorageConnectionString)
            : new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private DbCommand Command(DbConnection connection, string sql, string index, string scope)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        AddScope(command, index, scope);
        return command;
    }

    private void AddScope(DbCommand command, string index, string scope)
    {
        Add(command, "service", cluster.Value.ServiceId);
        Add(command, "index", index);
        Add(command, "scope", scope);
    }

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
