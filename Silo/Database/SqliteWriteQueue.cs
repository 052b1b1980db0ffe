using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace SocialValue.Silo.Database;

/// <summary>
/// Takes a Silo's writes to its SQLite file one writer at a time, and commits the writes that queued up meanwhile
/// together (group commit). SQLite lets one writer in at a time and Microsoft.Data.Sqlite answers a busy database by
/// sleeping 150 ms, so concurrent writers on their own connections would queue in the driver at 150 ms a step; and
/// each commit waits for the disk (the file is in WAL mode with <c>synchronous=FULL</c>), so one commit per write caps
/// writes at the disk's flush rate. Here one connection, kept open with its statements prepared, runs every queued
/// write inside one transaction, each in its own savepoint, and commits once; a write's task completes only after that
/// commit, so a caller that sees success has a durable write. A write that throws is rolled back to its savepoint and
/// fails alone; a commit that fails fails every write of the batch. Grain storage and the index store share the one
/// queue. Reads stay on their own connections and concurrent (WAL lets them read beside the writer).
/// </summary>
internal sealed class SqliteWriteQueue : IAsyncDisposable, IDisposable
{
    /// <summary>The most writes one transaction takes; the rest wait for the next.</summary>
    public const int MaxBatch = 256;

    private readonly Channel<QueuedWrite> _queue = Channel.CreateUnbounded<QueuedWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;
    private readonly Task _writer;
    private long _commits;

    public SqliteWriteQueue(DatabaseSettings settings)
    {
        _connectionString = settings.ConnectionString;
        _writer = Task.Run(WriteBatchesAsync);
    }

    /// <summary>How many transactions the writer has committed, for tests and diagnostics.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>
    /// Queues <paramref name="write"/>, which runs on the writer's connection inside a transaction, and completes with
    /// its result once the transaction holding it has committed.
    /// </summary>
    public Task<T> RunAsync<T>(Func<SqliteWriteBatch, T> write)
    {
        var queued = new QueuedWrite<T>(write);
        if (!_queue.Writer.TryWrite(queued))
        {
            throw new ObjectDisposedException(nameof(SqliteWriteQueue), "The Silo is stopping: its SQLite writer has closed.");
        }
        return queued.Task;
    }

    /// <summary>Takes no more writes, lets the writer commit those already queued, and closes its connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task WriteBatchesAsync()
    {
        SqliteWriteBatch? batch = null;
        var writes = new List<QueuedWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (writes.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                writes.Add(write);
            }
            try
            {
                batch ??= SqliteWriteBatch.Open(_connectionString);
                batch.Begin();
                foreach (var write in writes)
                {
                    batch.RunInSavepoint(write.Run);
                }
                batch.Commit();
                Interlocked.Increment(ref _commits);
                writes.ForEach(write => write.Complete());
            }
            catch (Exception e)
            {
                // Closing the connection rolls back whatever the batch left open; the next batch opens a fresh one.
                batch?.Dispose();
                batch = null;
                writes.ForEach(write => write.Fail(e));
            }
            writes.Clear();
        }
        batch?.Dispose();
    }

    private abstract class QueuedWrite
    {
        /// <summary>Runs the write; an exception it throws is kept for the caller and rolls back this write alone.</summary>
        public abstract void Run(SqliteWriteBatch batch);

        /// <summary>Reports the write's outcome, after its transaction committed.</summary>
        public abstract void Complete();

        /// <summary>Fails the write, because its transaction did not commit.</summary>
        public abstract void Fail(Exception exception);
    }

    private sealed class QueuedWrite<T>(Func<SqliteWriteBatch, T> write) : QueuedWrite
    {
        private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _error;

        public Task<T> Task => _outcome.Task;

        public override void Run(SqliteWriteBatch batch)
        {
            try
            {
                _result = write(batch);
            }
            catch (Exception e)
            {
                _error = e;
                throw;
            }
        }

        public override void Complete()
        {
            if (_error is null)
            {
                _outcome.TrySetResult(_result!);
            }
            else
            {
                _outcome.TrySetException(_error);
            }
        }

        public override void Fail(Exception exception) => _outcome.TrySetException(_error ?? exception);
    }
}

/// <summary>
/// The writer's connection and its open transaction, as a queued write sees it: <see cref="Command"/> gives the write
/// a prepared command for its SQL, enlisted in the transaction. Only <see cref="SqliteWriteQueue"/> opens one.
/// </summary>
internal sealed class SqliteWriteBatch : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = [];
    private SqliteTransaction? _transaction;

    private SqliteWriteBatch(SqliteConnection connection) => _connection = connection;

    internal static SqliteWriteBatch Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return new SqliteWriteBatch(connection);
    }

    /// <summary>The command for <paramref name="sql"/>, prepared once and kept, its parameters cleared for this use.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }
        command.Transaction = _transaction;
        command.Parameters.Clear();
        return command;
    }

    internal void Begin() => _transaction = _connection.BeginTransaction(deferred: false);

    internal void RunInSavepoint(Action<SqliteWriteBatch> write)
    {
        const string Savepoint = "queued_write";
        _transaction!.Save(Savepoint);
        try
        {
            write(this);
        }
        catch
        {
            _transaction.Rollback(Savepoint);
            _transaction.Release(Savepoint);
            return;
        }
        _transaction.Release(Savepoint);
    }

    internal void Commit()
    {
        _transaction!.Commit();
        _transaction.Dispose();
        _transaction = null;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        try
        {
            _transaction?.Dispose();
        }
        catch (SqliteException)
        {
            // A transaction SQLite already rolled back (a full disk, an I/O error); closing the connection ends it anyway.
        }
        _connection.Dispose();
    }
}
