using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Storage;

namespace SocialValue.Silo.Database;

/// <summary>
/// Grain state in a SQLite file's <c>sv_grain_state</c> (migration 0001): the same rows, keys and versions Orleans'
/// ADO.NET storage reads and writes, so a database written by either reads the same in the other. Writes and clears
/// go through the Silo's <see cref="SqliteWriteQueue"/>, which commits the writes that queued up together; a write
/// returns only once its transaction has committed. The ETag is the row's version: a write or clear carrying another
/// version, or a first write over a row that appeared meanwhile, changes nothing and throws
/// <see cref="InconsistentStateException"/>, and only that write fails, whatever else its transaction holds.
/// </summary>
internal sealed class SqliteGrainStorage(
    DatabaseSettings settings, IOptions<ClusterOptions> cluster, SqliteWriteQueue writes)
    : IGrainStorage
{
    private readonly JsonGrainStorageSerializer _serializer = new();

    private const string Row = """
        service_id = @service AND state_name = @state AND key_string = @key AND key_n0 = @n0 AND key_n1 = @n1
        """;

    private const string Read = $"SELECT CAST(payload AS BLOB), version FROM sv_grain_state WHERE {Row}";

    private const string Update = $"""
        UPDATE sv_grain_state
        SET payload = CAST(@payload AS TEXT), version = version + 1, modified_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        WHERE {Row} AND version = @version
        RETURNING version
        """;

    private const string Insert = """
        INSERT INTO sv_grain_state (service_id, state_name, key_string, key_n0, key_n1, version, payload)
        VALUES (@service, @state, @key, @n0, @n1, 1, CAST(@payload AS TEXT))
        ON CONFLICT DO NOTHING
        RETURNING version
        """;

    private const string Clear = $"""
        UPDATE sv_grain_state
        SET payload = NULL, version = version + 1, modified_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        WHERE {Row} AND version = @version
        RETURNING version
        """;

    private const string Exists = $"SELECT count(*) FROM sv_grain_state WHERE {Row}";

    // What clearing a grain that never wrote returns when no row appeared behind it either: no version is ever 0.
    private const long NothingStored = 0;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Read;
        AddKey(command, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            Reset(grainState, etag: null);
            return;
        }
        var version = reader.GetInt64(1);
        if (reader.IsDBNull(0))
        {
            Reset(grainState, ETag(version));
            return;
        }
        grainState.State = _serializer.Deserialize<T>(new BinaryData((byte[])reader.GetValue(0)));
        grainState.ETag = ETag(version);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var expected = ExpectedVersion(grainState, "write");
        var stored = await writes.RunAsync(batch =>
        {
            var command = batch.Command(expected is null ? Insert : Update);
            AddKey(command, stateName, grainId);
            command.Parameters.AddWithValue("@payload", payload);
            if (expected is not null)
            {
                command.Parameters.AddWithValue("@version", expected.Value);
            }
            return command.ExecuteScalar() is long version ? version : (long?)null;
        });
        grainState.ETag = stored is { } version
            ? ETag(version)
            : throw Stale("write", stateName, grainId, grainState.ETag);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var expected = ExpectedVersion(grainState, "clear");
        var stored = await writes.RunAsync<long?>(batch =>
        {
            // A grain that never wrote has nothing to clear, unless a row appeared behind it.
            if (expected is null)
            {
                var exists = batch.Command(Exists);
                AddKey(exists, stateName, grainId);
                return Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0 ? NothingStored : null;
            }
            var command = batch.Command(Clear);
            AddKey(command, stateName, grainId);
            command.Parameters.AddWithValue("@version", expected.Value);
            return command.ExecuteScalar() is long version ? version : null;
        });
        switch (stored)
        {
            case null:
                throw Stale("clear", stateName, grainId, grainState.ETag);
            case NothingStored:
                Reset(grainState, etag: null);
                break;
            case { } version:
                Reset(grainState, ETag(version));
                break;
        }
    }

    private void AddKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        var (key, n0, n1) = StorageKey(grainId);
        command.Parameters.AddWithValue("@service", cluster.Value.ServiceId);
        command.Parameters.AddWithValue("@state", stateName);
        command.Parameters.AddWithValue("@key", key);
        command.Parameters.AddWithValue("@n0", n0);
        command.Parameters.AddWithValue("@n1", n1);
    }

    /// <summary>
    /// The key columns of a grain's row, split as Orleans' ADO.NET storage splits them (so rows stay shared with it):
    /// a key Orleans reads as a Guid goes into the two numbers by its bytes, one it reads as an integer into the
    /// second number, each with its key extension as the string (empty when none); any other key is the string.
    /// </summary>
    internal static (string Key, long N0, long N1) StorageKey(GrainId grainId)
    {
        if (grainId.TryGetGuidKey(out var guid, out var guidExtension))
        {
            Span<byte> bytes = stackalloc byte[16];
            guid.TryWriteBytes(bytes);
            return (guidExtension ?? "", BitConverter.ToInt64(bytes[..8]), BitConverter.ToInt64(bytes[8..]));
        }
        return grainId.TryGetIntegerKey(out var integer, out var integerExtension)
            ? (integerExtension ?? "", 0, integer)
            : (grainId.Key.ToString()!, 0, 0);
    }

    private static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static long? ExpectedVersion<T>(IGrainState<T> grainState, string operation) =>
        grainState.ETag is null ? null
        : long.TryParse(grainState.ETag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : throw new InconsistentStateException($"Cannot {operation} with the ETag '{grainState.ETag}': this storage's ETags are row versions.");

    private static void Reset<T>(IGrainState<T> grainState, string? etag)
    {
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = etag;
        grainState.RecordExists = false;
    }

    private static InconsistentStateException Stale(string operation, string stateName, GrainId grainId, string? etag) =>
        new($"The {operation} of '{stateName}' for {grainId} found the stored version changed since {etag ?? "activation (no row then)"}.",
            storedEtag: null, currentEtag: etag);
}
