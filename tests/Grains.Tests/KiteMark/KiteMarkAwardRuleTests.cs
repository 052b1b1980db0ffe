using SocialValue.Errors;
using SocialValue.KiteMark;
using SocialValue.Workflow;

namespace SocialValue.Grains.Tests.KiteMark;

/// <summary>The award rule and the application workflow of seed 002 §4, without a host.</summary>
public sealed class KiteMarkAwardRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);
    private static readonly Workflow<KiteMarkState, KiteMarkTrigger, KiteMarkContext> Workflow = KiteMarkWorkflow.For(KiteMarkSchemes.CheshireAndMerseyside);

    // One accepted criterion per theme, and the three default must-dos.
    private static readonly string[] EveryThemeAndMustDo = ["social-4", "economic-2", "environment-6", "innovation-1"];

    [Fact]
    public void Award_is_blocked_naming_the_theme_without_accepted_evidence()
    {
        var reasons = AwardReasons("social-4", "economic-2", "environment-6");

        Assert.Equal(["theme Innovation has no accepted evidence yet"], reasons);
    }

    [Fact]
    public void Award_is_blocked_naming_each_unmet_must_do_when_every_theme_is_covered()
    {
        var reasons = AwardReasons("social-1", "economic-2", "environment-1", "innovation-2");

        Assert.Equal(
            [
                "must-do 'Good mental health is promoted' (social-4) has no accepted evidence yet",
                "must-do 'Better places to live' (environment-6) has no accepted evidence yet",
            ],
            reasons);
    }

    [Fact]
    public void Award_with_nothing_accepted_names_all_four_themes_and_three_must_dos()
    {
        var reasons = AwardReasons();

        Assert.Equal(7, reasons.Count);
        Assert.Equal(["Social", "Economic", "Environment", "Innovation"],
            reasons.Take(4).Select(r => r.Split(' ')[1]));
    }

    [Fact]
    public void Award_is_permitted_once_every_theme_and_must_do_has_accepted_evidence()
    {
        var options = Workflow.GetTransitions(KiteMarkState.UnderReview, Context(EveryThemeAndMustDo));

        Assert.Contains(options.Permitted, p => p is { Trigger: "Award", To: "Awarded" });
        var transition = Workflow.Fire(KiteMarkState.UnderReview, KiteMarkTrigger.Award, Context(EveryThemeAndMustDo), Request("Award"), Now);
        Assert.Equal(KiteMarkState.Awarded, transition.To);
    }

    [Fact]
    public void A_local_scheme_with_other_must_dos_judges_by_its_own()
    {
        var scheme = KiteMarkSchemes.CheshireAndMerseyside with
        {
            Themes = [.. KiteMarkSchemes.CheshireAndMerseyside.Themes.Select(t => t with
            {
                Criteria = [.. t.Criteria.Select(c => c with { MustDo = c.Id == "social-5" })],
            })],
        };
        var local = KiteMarkWorkflow.For(scheme);

        var refused = Assert.Throws<TransitionRefusedException>(() =>
            local.Fire(KiteMarkState.UnderReview, KiteMarkTrigger.Award, Context(EveryThemeAndMustDo), Request("Award"), Now));

        Assert.Equal(["must-do 'Carers' quality of life is improved' (social-5) has no accepted evidence yet"], refused.Reasons);
    }

    [Fact]
    public void Submit_needs_consent_to_publish()
    {
        var refused = Assert.Throws<TransitionRefusedException>(() =>
            Workflow.Fire(KiteMarkState.Draft, KiteMarkTrigger.Submit, Context([]) with { ConsentToPublish = false }, Request("Submit"), Now));

        Assert.Equal([KiteMarkWorkflow.NeedsConsent], refused.Reasons);
    }

    [Fact]
    public void Only_the_scheduler_expires_an_award()
    {
        var refused = Assert.Throws<TransitionRefusedException>(() =>
            Workflow.Fire(KiteMarkState.Awarded, KiteMarkTrigger.Expire, Context([]), Request("Expire"), Now));
        Assert.Equal([KiteMarkWorkflow.SchedulerOnly], refused.Reasons);

        var expired = Workflow.Fire(KiteMarkState.Awarded, KiteMarkTrigger.Expire, Context([]) with { FiredByScheduler = true }, Request("Expire"), Now);
        Assert.Equal(KiteMarkState.Expired, expired.To);
    }

    [Theory]
    [InlineData(KiteMarkTrigger.Reject, KiteMarkState.UnderReview)]
    [InlineData(KiteMarkTrigger.Revoke, KiteMarkState.Awarded)]
    public void Reject_and_revoke_need_a_reason(KiteMarkTrigger trigger, KiteMarkState from)
    {
        var invalid = Assert.Throws<ValidationException>(() => Workflow.Fire(from, trigger, Context(EveryThemeAndMustDo), Request(trigger.ToString()), Now));

        Assert.True(invalid.Errors.ContainsKey("reason"));
    }

    [Fact]
    public void Review_goes_back_and_forth_with_more_evidence_and_the_final_states_have_no_triggers()
    {
        Assert.Equal(KiteMarkState.MoreEvidenceRequested,
            Workflow.Fire(KiteMarkState.UnderReview, KiteMarkTrigger.RequestEvidence, Context([]), Request("RequestEvidence"), Now).To);
        Assert.Equal(KiteMarkState.UnderReview,
            Workflow.Fire(KiteMarkState.MoreEvidenceRequested, KiteMarkTrigger.Resubmit, Context([]), Request("Resubmit"), Now).To);
        Assert.All([KiteMarkState.Expired, KiteMarkState.Revoked, KiteMarkState.Rejected, KiteMarkState.Withdrawn],
            state => Assert.Empty(Workflow.TriggersOf(state)));
    }

    [Fact]
    public void The_diagram_draws_the_states_and_triggers_of_api_md()
    {
        var diagram = KiteMarkWorkflow.Diagram.ToMermaid();

        Assert.Contains("[*] --> Draft", diagram);
        Assert.Contains("UnderReview --> MoreEvidenceRequested : RequestEvidence", diagram);
        Assert.Contains("MoreEvidenceRequested --> UnderReview : Resubmit", diagram);
        Assert.Contains("Awarded --> Expired : Expire", diagram);
        Assert.Contains("Awarded --> Revoked : Revoke", diagram);
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

    private static IReadOnlyList<string> AwardReasons(params string[] accepted) =>
        Workflow.GetTransitions(KiteMarkState.UnderReview, Context(accepted)).Blocked.Single(b => b.Trigger == "Award").Reasons;

    private static KiteMarkContext Context(IEnumerable<string> accepted) => new(true, accepted.ToHashSet(), false);

    private static TransitionRequest Request(string trigger) => new(trigger, "test", null, new Dictionary<string, string>());
}
