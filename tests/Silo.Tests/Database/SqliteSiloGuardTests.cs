using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Database;

public sealed class SqliteSiloGuardTests
{
    [Fact]
    public async Task A_second_silo_on_the_same_sqlite_file_is_refused_at_start_until_the_first_stops()
    {
        await using var database = TestDatabase.Sqlite();
        var first = await TestSilos.StartAsync(database);

        var second = TestSilos.Build(database);
        var refusal = await Assert.ThrowsAnyAsync<Exception>(() => second.StartAsync());
        second.Dispose();

        var messages = Flatten(refusal).Select(e => e.Message).ToList();
        Assert.Contains(messages, message => message.StartsWith("Another Silo is already using the SQLite database at ")
            && message.Contains("SQLite serves one Silo. Use Storage:Provider=Postgres to run several."));

        await first.StopAndDisposeAsync();
        var third = await TestSilos.StartAsync(database);
        await third.StopAndDisposeAsync();
    }

    private static IEnumerable<Exception> Flatten(Exception exception) =>
        exception is AggregateException aggregate
            ? aggregate.InnerExceptions.SelectMany(Flatten).Prepend(exception)
            : exception.InnerException is { } inner ? Flatten(inner).Prepend(exception) : [exception];
}
