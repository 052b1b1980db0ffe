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
        var jobId = await ReviewJobIdAsync("review-idempotent");
        var (_, grain, key, deadline) = cluster.ScheduledJob(jobId);

        cluster.Time.SetUtcNow(before.NextReviewAt);
        await job.CallGrainAsync(grain, key, deadline, jobId);
        var due = await maturity.GetAsync();
        await job.CallGrainAsync(grain, key, deadline, jobId);
        var again = await maturity.GetAsync();

        Assert.True(due.ReviewDue);
        Assert.NotEqual(before.ETag, due.ETag);
        Assert.Equal(due.ETag, again.ETag);
    }

    [Fact]
    public async Task A_job_the_grain_no_longer_keeps_changes_nothing_even_when_due()
    {
        var maturity = await AssessedAsync("review-stale");
        var stale = await ReviewJobIdAsync("review-stale");
        cluster.Time.Advance(TimeSpan.FromDays(1));
        await maturity.AssessAsync(Walsall, "officer", null);
        var before = await maturity.GetAsync();
        var (_, grain, key, deadline) = cluster.ScheduledJob(await ReviewJobIdAsync("review-stale"));

        cluster.Time.SetUtcNow(before.NextReviewAt.AddDays(1));
        await new DeadlineJob(cluster.Grains).CallGrainAsync(grain, key, deadline, stale);

        var after = await maturity.GetAsync();
        Assert.False(after.ReviewDue);
        Assert.Equal(before.ETag, after.ETag);
    }

    [Fact]
    public async Task The_grains_own_job_running_early_leaves_a_new_job_for_the_real_due_time()
    {
        var maturity = await AssessedAsync("review-early");
        var early = await ReviewJobIdAsync("review-early");
        var (_, grain, key, deadline) = cluster.ScheduledJob(early);

        await new DeadlineJob(cluster.Grains).CallGrainAsync(grain, key, deadline, early);

        var details = await maturity.GetAsync();
        var replacement = Assert.Single(ScheduledJobIds("review-early"), id => id != early);
        Assert.False(details.ReviewDue);
        Assert.Equal(details.NextReviewAt.UtcDateTime, cluster.ScheduledJob(replacement).EnqueueAt);
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

    /// <summary>The one job scheduled for the grain: the deadline's outside trace, in Hangfire's storage.</summary>
    private Task<string> ReviewJobIdAsync(string key) => Task.FromResult(Assert.Single(ScheduledJobIds(key)));

    private List<string> ScheduledJobIds(string key) =>
        [.. cluster.Jobs.GetMonitoringApi().ScheduledJobs(0, 1000).Where(j => j.Value.Job.Args[1] as string == key).Select(j => j.Key)];
}
