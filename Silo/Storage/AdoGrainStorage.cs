using System.Data.Common;
using SocialValue.Runtime;

namespace SocialValue.Silo.Storage;

/// <summary>
/// Grain state in one table of (grain type, key, state name, etag, JSON payload), the model of Orleans' ADO.NET
/// storage: the ETag is a version number, and a write whose version moved on matches no row and is refused.
/// </summary>
public sealed class AdoGrainStorage(DbDataSource dataSource, StorageDialect dialect) : IGrainStorage
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var statement in dialect.SchemaStatements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<StoredState?> ReadAsync(StateAddress address, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT etag, payload FROM grain_state WHERE grain_type = @type AND grain_key = @key AND state_name = @name");
        AddAddress(command, address);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new StoredState(reader.GetInt64(0).ToString(), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    public async Task<string> WriteAsync(StateAddress address, string payload, string? etag, CancellationToken cancellationToken = default)
    {
        await using var command = etag is null
            ? dataSource.CreateCommand(
                $"INSERT INTO grain_state (grain_type, grain_key, state_name, etag, payload, modified_at) VALUES (@type, @key, @name, 1, @payload, {dialect.Now}) ON CONFLICT DO NOTHING")
            : dataSource.CreateCommand(
                $"UPDATE grain_state SET etag = etag + 1, payload = @payload, modified_at = {dialect.Now} WHERE grain_type = @type AND grain_key = @key AND state_name = @name AND etag = @etag");
        AddAddress(command, address);
        AddParameter(command, "@payload", payload);
        var version = etag is null ? 0 : ParseETag(etag);
        if (etag is not null)
        {
            AddParameter(command, "@etag", version);
        }
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw Conflict(address, etag);
        }
        return (version + 1).ToString();
    }

    public async Task<string?> ClearAsync(StateAddress address, string? etag, CancellationToken cancellationToken = default)
    {
        if (etag is null)
        {
            return await ReadAsync(address, cancellationToken) is null ? null : throw Conflict(address, etag);
        }
        await using var command = dataSource.CreateCommand(
            $"UPDATE grain_state SET etag = etag + 1, payload = NULL, modified_at = {dialect.Now} WHERE grain_type = @type AND grain_key = @key AND state_name = @name AND etag = @etag");
        AddAddress(command, address);
        var version = ParseETag(etag);
        AddParameter(command, "@etag", version);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw Conflict(address, etag);
        }
        return (version + 1).ToString();
    }

    private static long ParseETag(string etag) =>
        long.TryParse(etag, out var version) ? version : throw new InconsistentStateException($"'{etag}' is not an ETag of this storage.");

    private static InconsistentStateException Conflict(StateAddress address, string? etag) =>
        new($"{address} is no longer at version {etag ?? "(none)"}: another writer changed it first.");

    private static void AddAddress(DbCommand command, StateAddress address)
    {
        AddParameter(command, "@type", address.GrainType);
        AddParameter(command, "@key", address.Key);
        AddParameter(command, "@name", address.StateName);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
