namespace SocialValue.Silo.Database;

/// <summary>
/// Takes a Silo's writes to its SQLite file one at a time. SQLite lets one writer in at a time and Microsoft.Data.Sqlite
/// answers a busy database by sleeping 150 ms before retrying, so concurrent writes to one file would queue in the
/// driver at 150 ms a step; queueing them here costs only the writes ahead. Grain storage and the index store share
/// the one queue. Reads stay concurrent (the file is in WAL mode).
/// </summary>
internal sealed class SqliteWriteQueue
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task RunAsync(Func<Task> write, CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await write();
        }
        finally
        {
            _writer.Release();
        }
    }
}
