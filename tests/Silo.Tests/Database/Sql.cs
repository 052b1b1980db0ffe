using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Database;

/// <summary>Plain SQL against a test database, for looking behind Orleans' back.</summary>
internal static class Sql
{
    public static async Task<object?> ScalarAsync(this TestDatabase database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public static async Task<int> ExecuteAsync(this TestDatabase database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<string>> ColumnAsync(this TestDatabase database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0))!);
        }
        return values;
    }

    private static async Task<DbConnection> OpenAsync(TestDatabase database)
    {
        DbConnection connection = database.Provider == "Postgres"
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
