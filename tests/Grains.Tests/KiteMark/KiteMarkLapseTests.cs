using SocialValue.Errors;
using SocialValue.KiteMark;
using SocialValue.Workflow;

namespace SocialValue.Grains.Tests.KiteMark;

/// <summary>
/// An award is valid until its validity ends "or until a change in circumstance means the organisation can no longer
/// evidence all four themes" (seed 002 §4): RecordChange withdraws evidence, and the award lapses once a theme is left
/// without accepted evidence.
/// </summary>
public sealed class KiteMarkLapseTests
{
    private static readonly DateTimeOffset AwardedOn = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Changed = new(2027, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_change_that_leaves_every_theme_evidenced_keeps_the_award_and_records_the_withdrawal()
    {
        var application = Awarded();

        var transition = await Workflow(application).FireAsync(Change("Second social site closed", "e5"), Changed);

        Assert.Equal((KiteMarkState.Awarded, KiteMarkState.Awarded), (transition.From, transition.To));
        Assert.Equal(new TransitionRecord(Changed, "champion", "RecordChange", "Awarded", "Awarded", "Second social site closed"), application.History[^1]);
        var withdrawn = Assert.Single(application.Evidence, e => e.Withdrawn is not null);
        Assert.Equal(("e5", new EvidenceWithdrawal(Changed, "champion", "Second social site closed")), (withdrawn.Id, withdrawn.Withdrawn));
        Assert.False(withdrawn.Counts);
        Assert.Equal(AwardedOn.AddYears(5), application.ValidUntil);
    }

    [Fact]
    public async Task A_change_that_leaves_a_theme_without_evidence_lapses_the_award_early()
    {
        var application = Awarded();

        await Workflow(application).FireAsync(Change("The pilot programme ended", "e4"), Changed);

        Assert.Equal(KiteMarkState.Lapsed, application.State);
        Assert.Equal(("Awarded", "Lapsed", "The pilot programme ended"), (application.History[^1].From, application.History[^1].To, application.History[^1].Reason));
        Assert.NotNull(Assert.Single(application.Evidence, e => e.Id == "e4").Withdrawn);
        Assert.Empty(Workflow(application).TriggersOf(KiteMarkState.Lapsed));
    }

    [Fact]
    public async Task Withdrawn_evidence_named_as_an_array_counts_too_and_the_listing_shows_both_outcomes()
    {
        var application = Awarded();
        var options = await Workflow(application).GetTransitionsAsync();

        await Workflow(application).FireAsync(Change("Both economic projects stopped", """["e2"]"""), Changed);

        Assert.Contains(options.Permitted, p => p is { Trigger: "RecordChange", To: "Awarded|Lapsed" });
        Assert.Equal(KiteMarkState.Lapsed, application.State);
    }

    [Theory]
    [InlineData("e9", "'e9' is not accepted evidence of this award")]
    [InlineData("e6", "'e6' is not accepted evidence of this award")]
    [InlineData("[1", "as an array of strings")]
    public async Task Evidence_that_does_not_count_cannot_be_withdrawn_and_nothing_changes(string withdrawn, string message)
    {
        var application = Awarded();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => Workflow(application).FireAsync(Change("Mistyped", withdrawn), Changed));

        Assert.Contains(message, Assert.Single(refused.Errors[KiteMarkWorkflow.WithdrawnEvidence]));
        Assert.Equal(KiteMarkState.Awarded, application.State);
        Assert.All(application.Evidence, e => Assert.Null(e.Withdrawn));
        Assert.Single(application.History);
    }

    [Fact]
    public async Task A_change_needs_a_reason_and_the_evidence_it_withdraws()
    {
        var application = Awarded();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => Workflow(application).FireAsync(
            new TransitionRequest("RecordChange", "champion", null, new Dictionary<string, string>()), Changed));

        Assert.Equal(["reason", KiteMarkWorkflow.WithdrawnEvidence], refused.Errors.Keys.Order());
    }

    /// <summary>
    /// Awarded with accepted evidence: social e1 and e5, economic e2, environment e3, innovation e4; e6 was rejected.
    /// </summary>
    private static KiteMarkApplicationState Awarded()
    {
        var application = new KiteMarkApplicationState
        {
            State = KiteMarkState.Awarded,
            ConsentToPublish = true,
            AwardedOn = AwardedOn,
            ValidUntil = AwardedOn.AddYears(5),
        };
        (string Id, string Criterion, string Theme, bool Accepted)[] evidence =
        [
            ("e1", "social-4", "social", true), ("e2", "economic-2", "economic", true), ("e3", "environment-6", "environment", true),
            ("e4", "innovation-3", "innovation", true), ("e5", "social-1", "social", true), ("e6", "economic-1", "economic", false),
        ];
        application.Evidence = [.. evidence.Select(e => new EvidenceDetails(e.Id, e.Criterion, e.Theme, $"Evidence {e.Id}", null, AwardedOn, "applicant",
            new EvidenceReview(e.Accepted, "Reviewed", AwardedOn, "champion")))];
        application.History.Add(new TransitionRecord(AwardedOn, "champion", "Award", "UnderReview", "Awarded", null));
        return application;
    }

    private static KiteMarkWorkflow Workflow(KiteMarkApplicationState application) =>
        new(application, new KiteMarkContext(true, application.Evidence.Where(e => e.Counts).Select(e => e.CriterionId).ToHashSet(), false));

    private static TransitionRequest Change(string reason, string withdrawn) =>
        new("RecordChange", "champion", reason, new Dictionary<string, string> { ["reason"] = reason, [KiteMarkWorkflow.WithdrawnEvidence] = withdrawn });
}
