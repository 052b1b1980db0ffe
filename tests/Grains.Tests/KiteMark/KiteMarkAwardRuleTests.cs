using SocialValue.Errors;
using SocialValue.KiteMark;
using SocialValue.Workflow;

namespace SocialValue.Grains.Tests.KiteMark;

/// <summary>The award rule and the application workflow of seed 002 §4, without a host.</summary>
public sealed class KiteMarkAwardRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    // One accepted criterion per theme, and the three default must-dos.
    private static readonly string[] EveryThemeAndMustDo = ["social-4", "economic-2", "environment-6", "innovation-1"];

    [Fact]
    public async Task Award_is_blocked_naming_the_theme_without_accepted_evidence()
    {
        var reasons = await AwardReasonsAsync("social-4", "economic-2", "environment-6");

        Assert.Equal(["theme Innovation has no accepted evidence yet"], reasons);
    }

    [Fact]
    public async Task Award_is_blocked_naming_each_unmet_must_do_when_every_theme_is_covered()
    {
        var reasons = await AwardReasonsAsync("social-1", "economic-2", "environment-1", "innovation-2");

        Assert.Equal(
            [
                "must-do 'Good mental health is promoted' (social-4) has no accepted evidence yet",
                "must-do 'Better places to live' (environment-6) has no accepted evidence yet",
            ],
            reasons);
    }

    [Fact]
    public async Task Award_with_nothing_accepted_names_all_four_themes_and_three_must_dos()
    {
        var reasons = await AwardReasonsAsync();

        Assert.Equal(7, reasons.Count);
        Assert.Equal(["Social", "Economic", "Environment", "Innovation"],
            reasons.Take(4).Select(r => r.Split(' ')[1]));
    }

    [Fact]
    public async Task Award_is_permitted_once_every_theme_and_must_do_has_accepted_evidence_and_dates_the_award_on_entry()
    {
        var application = Application(KiteMarkState.UnderReview);
        var workflow = new KiteMarkWorkflow(application, Context(EveryThemeAndMustDo));

        var options = await workflow.GetTransitionsAsync();
        var transition = await workflow.FireAsync(Request("Award"), Now);

        Assert.Contains(options.Permitted, p => p is { Trigger: "Award", To: "Awarded" });
        Assert.DoesNotContain(options.Blocked, b => b.Trigger == "Award");
        Assert.Equal(KiteMarkState.Awarded, application.State);
        Assert.Equal((Now, KiteMarkSchemes.ValidUntil(Now, application.Scheme.Validity)), (application.AwardedOn, application.ValidUntil));
        var record = new TransitionRecord(Now, "test", "Award", "UnderReview", "Awarded", null);
        Assert.Equal([record], application.History);
        Assert.Equal(record, transition.Record);
    }

    [Fact]
    public async Task A_refused_award_leaves_the_application_undated()
    {
        var application = Application(KiteMarkState.UnderReview);

        await Assert.ThrowsAsync<TransitionRefusedException>(() =>
            new KiteMarkWorkflow(application, Context(["social-4"])).FireAsync(Request("Award"), Now));

        Assert.Equal((KiteMarkState.UnderReview, null, null), (application.State, application.AwardedOn, application.ValidUntil));
        Assert.Empty(application.History);
    }

    [Fact]
    public async Task A_local_scheme_with_other_must_dos_judges_by_its_own()
    {
        var application = Application(KiteMarkState.UnderReview);
        application.Scheme = KiteMarkSchemes.CheshireAndMerseyside with
        {
            Themes = [.. KiteMarkSchemes.CheshireAndMerseyside.Themes.Select(t => t with
            {
                Criteria = [.. t.Criteria.Select(c => c with { MustDo = c.Id == "social-5" })],
            })],
        };

        var refused = await Assert.ThrowsAsync<TransitionRefusedException>(() =>
            new KiteMarkWorkflow(application, Context(EveryThemeAndMustDo)).FireAsync(Request("Award"), Now));

        Assert.Equal(["must-do 'Carers' quality of life is improved' (social-5) has no accepted evidence yet"], refused.Reasons);
    }

    [Fact]
    public async Task Submit_needs_consent_to_publish()
    {
        var workflow = new KiteMarkWorkflow(Application(KiteMarkState.Draft), Context([]) with { ConsentToPublish = false });

        var blocked = Assert.Single((await workflow.GetTransitionsAsync()).Blocked);
        var refused = await Assert.ThrowsAsync<TransitionRefusedException>(() => workflow.FireAsync(Request("Submit"), Now));

        Assert.Equal("Submit", blocked.Trigger);
        Assert.Equal([KiteMarkWorkflow.NeedsConsent], blocked.Reasons);
        Assert.Equal([KiteMarkWorkflow.NeedsConsent], refused.Reasons);
    }

    [Fact]
    public async Task Only_the_scheduler_expires_an_award()
    {
        var application = Application(KiteMarkState.Awarded);

        var refused = await Assert.ThrowsAsync<TransitionRefusedException>(() =>
            new KiteMarkWorkflow(application, Context([])).FireAsync(KiteMarkTrigger.Expire, Request("Expire"), Now));
        Assert.Equal([KiteMarkWorkflow.SchedulerOnly], refused.Reasons);

        await new KiteMarkWorkflow(application, Context([]) with { FiredByScheduler = true }).FireAsync(KiteMarkTrigger.Expire, Request("Expire"), Now);
        Assert.Equal(KiteMarkState.Expired, application.State);
    }

    [Theory]
    [InlineData(KiteMarkTrigger.Reject, KiteMarkState.UnderReview)]
    [InlineData(KiteMarkTrigger.Revoke, KiteMarkState.Awarded)]
    public async Task Reject_and_revoke_need_a_reason(KiteMarkTrigger trigger, KiteMarkState from)
    {
        var application = Application(from);

        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            new KiteMarkWorkflow(application, Context(EveryThemeAndMustDo)).FireAsync(Request(trigger.ToString()), Now));

        Assert.Equal([$"reason is required"], invalid.Errors["reason"]);
        Assert.Equal(from, application.State);
    }

    [Fact]
    public async Task Review_goes_back_and_forth_with_more_evidence_and_the_final_states_have_no_triggers()
    {
        var application = Application(KiteMarkState.UnderReview);
        var workflow = new KiteMarkWorkflow(application, Context([]));

        await workflow.FireAsync(Request("RequestEvidence"), Now);
        Assert.Equal(KiteMarkState.MoreEvidenceRequested, application.State);
        await workflow.FireAsync(Request("Resubmit"), Now);
        Assert.Equal(KiteMarkState.UnderReview, application.State);

        Assert.Equal(["UnderReview", "MoreEvidenceRequested"], application.History.Select(h => h.From));
        Assert.All([KiteMarkState.Expired, KiteMarkState.Revoked, KiteMarkState.Rejected, KiteMarkState.Withdrawn, KiteMarkState.Lapsed],
            state => Assert.Empty(workflow.TriggersOf(state)));
    }

    [Fact]
    public void The_diagram_draws_the_states_and_triggers_of_api_md()
    {
        var diagram = KiteMarkWorkflow.Diagram.ToMermaid();

        Assert.Contains("[*] --> Draft", diagram);
        Assert.Contains("UnderReview --> MoreEvidenceRequested : RequestEvidence", diagram);
        Assert.Contains("MoreEvidenceRequested --> UnderReview : Resubmit", diagram);
        Assert.Contains("UnderReview --> Awarded : Award / date the award and its validity [theme Social has no accepted evidence yet]", diagram);
        Assert.Contains($"Awarded --> Expired : Expire [{KiteMarkWorkflow.SchedulerOnly}]", diagram);
        Assert.Contains("Awarded --> Revoked : Revoke", diagram);
        Assert.Equal(KiteMarkState.Draft, KiteMarkWorkflow.Diagram.InitialState);
    }

    [Theory]
    [InlineData("2026-03-14T09:30:00Z", "P5Y", "2031-03-14T09:30:00Z")]
    [InlineData("2024-02-29T12:00:00Z", "P5Y", "2029-02-28T12:00:00Z")]
    [InlineData("2026-01-31T00:00:00Z", "P1M", "2026-02-28T00:00:00Z")]
    [InlineData("2026-03-14T09:30:00Z", "P1Y6M2W3D", "2027-10-01T09:30:00Z")]
    [InlineData("2026-03-14T09:30:00Z", "PT5S", "2026-03-14T09:30:05Z")]
    [InlineData("2026-03-14T09:30:00Z", "P1DT1H30M", "2026-03-15T11:00:00Z")]
    public void Validity_is_calendar_arithmetic_for_dates_and_exact_for_times(string awardedOn, string validity, string validUntil)
    {
        Assert.Equal(DateTimeOffset.Parse(validUntil), KiteMarkSchemes.ValidUntil(DateTimeOffset.Parse(awardedOn), validity));
    }

    [Theory]
    [InlineData("P0D")]
    [InlineData("5Y")]
    [InlineData("P101Y")]
    [InlineData("PT")]
    public void A_scheme_with_a_zero_malformed_or_century_long_validity_is_invalid(string validity)
    {
        var errors = KiteMarkSchemes.Validate(KiteMarkSchemes.CheshireAndMerseyside with { Validity = validity });

        Assert.Single(errors);
    }

    private static async Task<IReadOnlyList<string>> AwardReasonsAsync(params string[] accepted) =>
        (await new KiteMarkWorkflow(Application(KiteMarkState.UnderReview), Context(accepted)).GetTransitionsAsync())
            .Blocked.Single(b => b.Trigger == "Award").Reasons;

    private static KiteMarkApplicationState Application(KiteMarkState state) => new() { State = state, ConsentToPublish = true };

    private static KiteMarkContext Context(IEnumerable<string> accepted) => new(true, accepted.ToHashSet(), false);

    private static TransitionRequest Request(string trigger) => new(trigger, "test", null, new Dictionary<string, string>());
}
