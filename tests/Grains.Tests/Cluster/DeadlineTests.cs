using SocialValue.Maturity;
using SocialValue.Organisations;
using SocialValue.Scheduling;

namespace SocialValue.Grains.Tests.Cluster;

/// <summary>A grain keeps its deadline's due time and Hangfire job, moves the job with the deadline, and handles it idempotently.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class DeadlineTests(GrainCluster cluster)
{
    private static IReadOnlyList<DimensionAssessment> Walsall =>
        [.. MaturityModel.WalsallAssessment.Dimensions.Select(d => new DimensionAssessment(d.Code, d.Present, d.Target))];

    [Fact]
    public async Task An_assessment_schedules_its_review_a_year_on_as_a_hangfire_job_that_calls_the_grain()
    {
        var maturity = await AssessedAsync("review-scheduled");
        var details = await maturity.GetAsync();

        var jobId = await ReviewJobIdAsync("review-scheduled");
        var (enqueueAt, grain, key, deadline) = cluster.ScheduledJob(jobId);

        Assert.Equal(details.AssessedAt.AddYears(1), details.NextReviewAt);
        Assert.Equal(details.NextReviewAt.UtcDateTime, enqueueAt);
        Assert.Equal((typeof(IMaturityGrain).FullName, "review-scheduled", IMaturityGrain.ReviewDeadline), (grain, key, deadline));
    }

    [Fact]
    public async Task The_review_falls_due_only_once_its_time_has_come_and_firing_again_changes_nothing()
    {
        var maturity = await AssessedAsync("review-idempotent");
        var before = await maturity.GetAsync();
        var job = new DeadlineJob(cluster.Grains);
        var (_, grain, key, deadline) = cluster.ScheduledJob(await ReviewJobIdAsync("review-idempotent"));

        await job.RunAsync(grain, key, deadline);
        Assert.False((await maturity.GetAsync()).ReviewDue);

        cluster.Time.SetUtcNow(before.NextReviewAt);
        await job.RunAsync(grain, key, deadline);
        var due = await maturity.GetAsync();
        await job.RunAsync(grain, key, deadline);
        var again = await maturity.GetAsync();

        Assert.True(due.ReviewDue);
        Assert.NotEqual(before.ETag, due.ETag);
        Assert.Equal(due.ETag, again.ETag);
    }

    [Fact]
    public async Task Reassessing_moves_the_review_to_a_new_job_and_deletes_the_old_one()
    {
        var maturity = await AssessedAsync("review-moved");
        var first = await ReviewJobIdAsync("review-moved");

        cluster.Time.Advance(TimeSpan.FromDays(30));
        var reassessed = await maturity.AssessAsync(Walsall, "officer", null);
        var second = await ReviewJobIdAsync("review-moved");

        Assert.NotEqual(first, second);
        Assert.Equal("Deleted", cluster.JobState(first));
        Assert.Equal(reassessed.NextReviewAt.UtcDateTime, cluster.ScheduledJob(second).EnqueueAt);
    }

    private async Task<IMaturityGrain> AssessedAsync(string id)
    {
        await cluster.Grains.GetGrain<IOrganisationGrain>(id).CreateAsync(new OrganisationProfile(id, OrganisationType.LocalAuthority, "Walsall"));
        var maturity = cluster.Grains.GetGrain<IMaturityGrain>(id);
        await maturity.AssessAsync(Walsall, "officer", null);
        return maturity;
    }

    /// <summary>The job id the grain keeps, read through the deadline's only outside trace: Hangfire's storage.</summary>
    private Task<string> ReviewJobIdAsync(string key)
    {
        using var connection = cluster.Jobs.GetConnection();
        var scheduled = cluster.Jobs.GetMonitoringApi().ScheduledJobs(0, 1000)
            .Where(j => j.Value.Job.Args[1] as string == key)
            .Select(j => j.Key)
            .ToList();
        return Task.FromResult(Assert.Single(scheduled));
    }
}
