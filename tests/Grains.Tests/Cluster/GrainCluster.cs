using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using SocialValue.Contracts;
using SocialValue.Formulas;
using SocialValue.Indexes;
using SocialValue.Maturity;
using SocialValue.Scheduling;

namespace SocialValue.Grains.Tests.Cluster;

/// <summary>
/// A real one-silo Orleans cluster in this process (Orleans' <see cref="InProcessTestCluster"/>) running the service's
/// grains, with a clock the tests move and Hangfire's real client on its in-memory storage: jobs are scheduled for
/// real and read back, and a test calls the deadline itself at the time it chooses.
/// </summary>
public sealed class GrainCluster : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private InProcessTestCluster? _cluster;

    public FakeTimeProvider Time { get; } = new(Start);

    public InMemoryStorage Jobs { get; } = new();

    public IGrainFactory Grains => _cluster!.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("store");
            silo.Services.AddSingleton<IIndexStore, MemoryIndexStore>();
            silo.Services.AddKeyedSingleton<TimeProvider>(BusinessClock.Key, Time);
            silo.Services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(Jobs));
            silo.Services.AddSingleton<Deadlines>();
            silo.Services.AddSingleton<FormulaEngine>();
            silo.Services.AddSingleton(new ContractOptions());
            silo.Services.AddSingleton(new MaturityOptions(null));
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>The time and grain call of a scheduled job, as Hangfire's storage holds it.</summary>
    public (DateTime EnqueueAt, string Grain, string Key, string Deadline) ScheduledJob(string jobId)
    {
        using var connection = Jobs.GetConnection();
        var job = connection.GetJobData(jobId) ?? throw new InvalidOperationException($"There is no job {jobId}.");
        var state = connection.GetStateData(jobId);
        Assert.Equal("Scheduled", state.Name);
        var args = job.Job.Args;
        return (DateTime.Parse(state.Data["EnqueueAt"], null, System.Globalization.DateTimeStyles.RoundtripKind).ToUniversalTime(),
            (string)args[0], (string)args[1], (string)args[2]);
    }

    /// <summary>The state Hangfire's storage holds for a job: Scheduled, Deleted …</summary>
    public string JobState(string jobId)
    {
        using var connection = Jobs.GetConnection();
        return connection.GetStateData(jobId).Name;
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
        Jobs.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainCluster>
{
    public const string Name = "Orleans cluster";
}
