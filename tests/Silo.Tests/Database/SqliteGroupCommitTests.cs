using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using SocialValue.Silo.Database;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Database;

/// <summary>
/// The SQLite write queue commits the writes that queued up together. These tests hold the writer inside one write
/// (a gate) while they queue the next ones, so that those are certain to share the following transaction.
/// </summary>
public sealed class SqliteGroupCommitTests
{
    private const int Writes = 40;

    [Fact]
    public async Task Writes_queued_together_commit_in_one_transaction_and_all_land()
    {
        await using var database = TestDatabase.Sqlite();
        var host = await TestSilos.StartAsync(database);
        var (queue, storage) = Services(host);

        var states = Enumerable.Range(0, Writes).Select(i => new GrainState<ProbeState>(new ProbeState { Text = $"w{i}" })).ToList();
        var commitsBefore = queue.Commits;
        List<Task> writes;
        await using (await HoldWriterAsync(queue))
        {
            writes = states.Select((state, i) => storage.WriteStateAsync("probe", Probe($"g{i}"), state)).ToList();
            await Task.Delay(100);
            Assert.All(writes, write => Assert.False(write.IsCompleted));
        }
        await Task.WhenAll(writes);

        Assert.Equal(commitsBefore + 2, queue.Commits);
        Assert.All(states, state => Assert.Equal("1", state.ETag));
        Assert.Equal((long)Writes, Convert.ToInt64(await database.ScalarAsync("SELECT count(*) FROM sv_grain_state WHERE state_name = 'probe' AND version = 1")));
        await host.StopAndDisposeAsync();
    }

    [Fact]
    public async Task A_stale_write_in_a_batch_fails_alone_and_the_others_commit()
    {
        await using var database = TestDatabase.Sqlite();
        var host = await TestSilos.StartAsync(database);
        var (queue, storage) = Services(host);
        var existing = new GrainState<ProbeState>(new ProbeState { Text = "first" });
        await storage.WriteStateAsync("probe", Probe("stale"), existing);
        await database.ExecuteAsync("UPDATE sv_grain_state SET version = version + 1 WHERE key_string = 'stale'");

        var states = Enumerable.Range(0, Writes).Select(i => new GrainState<ProbeState>(new ProbeState { Text = $"w{i}" })).ToList();
        Task stale;
        List<Task> others;
        await using (await HoldWriterAsync(queue))
        {
            others = states.Select((state, i) => storage.WriteStateAsync("probe", Probe($"g{i}"), state)).ToList();
            stale = storage.WriteStateAsync("probe", Probe("stale"), new GrainState<ProbeState>(new ProbeState { Text = "late" }) { ETag = existing.ETag });
        }

        await Assert.ThrowsAsync<InconsistentStateException>(() => stale);
        await Task.WhenAll(others);
        Assert.Equal((long)Writes, Convert.ToInt64(await database.ScalarAsync("SELECT count(*) FROM sv_grain_state WHERE key_string LIKE 'g%' AND version = 1")));
        Assert.Equal("{\"text\":\"first\",\"kind\":\"Draft\",\"writes\":0}",
            await database.ScalarAsync("SELECT payload FROM sv_grain_state WHERE key_string = 'stale'"));
        await host.StopAndDisposeAsync();
    }

    [Fact]
    public async Task A_write_that_throws_is_rolled_back_alone_and_the_others_commit()
    {
        await using var database = TestDatabase.Sqlite();
        var host = await TestSilos.StartAsync(database);
        var (queue, storage) = Services(host);
        var existing = new GrainState<ProbeState>(new ProbeState { Text = "kept" });
        await storage.WriteStateAsync("probe", Probe("kept"), existing);

        var states = Enumerable.Range(0, Writes).Select(i => new GrainState<ProbeState>(new ProbeState { Text = $"w{i}" })).ToList();
        Task<int> failing;
        List<Task> others;
        await using (await HoldWriterAsync(queue))
        {
            others = states.Take(Writes / 2).Select((state, i) => storage.WriteStateAsync("probe", Probe($"a{i}"), state)).ToList();
            // Changes a row, then fails: the change must not survive the batch's commit.
            failing = queue.RunAsync(batch =>
            {
                batch.Command("UPDATE sv_grain_state SET version = 99 WHERE key_string = 'kept'").ExecuteNonQuery();
                return batch.Command("INSERT INTO no_such_table VALUES (1)").ExecuteNonQuery();
            });
            others.AddRange(states.Skip(Writes / 2).Select((state, i) => storage.WriteStateAsync("probe", Probe($"b{i}"), state)));
        }

        await Assert.ThrowsAsync<SqliteException>(() => failing);
        await Task.WhenAll(others);
        Assert.Equal(1L, Convert.ToInt64(await database.ScalarAsync("SELECT version FROM sv_grain_state WHERE key_string = 'kept'")));
        Assert.Equal((long)Writes, Convert.ToInt64(await database.ScalarAsync("SELECT count(*) FROM sv_grain_state WHERE key_string <> 'kept'")));
        await host.StopAndDisposeAsync();
    }

    private static (SqliteWriteQueue Queue, IGrainStorage Storage) Services(IHost host) =>
        (host.Services.GetRequiredService<SqliteWriteQueue>(), host.Services.GetRequiredKeyedService<IGrainStorage>("store"));

    private static GrainId Probe(string key) => GrainId.Create("storageprobe", key);

    /// <summary>Queues a write that blocks the writer until the returned gate is disposed, and waits until it runs.</summary>
    private static async Task<Gate> HoldWriterAsync(SqliteWriteQueue queue)
    {
        var gate = new Gate(queue);
        await gate.Running.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return gate;
    }

    private sealed class Gate : IAsyncDisposable
    {
        private readonly ManualResetEventSlim _open = new();
        private readonly Task<int> _held;

        public Gate(SqliteWriteQueue queue) => _held = queue.RunAsync(_ =>
        {
            Running.TrySetResult();
            return _open.Wait(TimeSpan.FromSeconds(30)) ? 0 : throw new TimeoutException("The test never opened the gate.");
        });

        public TaskCompletionSource Running { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask DisposeAsync()
        {
            _open.Set();
            await _held;
            _open.Dispose();
        }
    }
}
