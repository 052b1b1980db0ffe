using SocialValue.Api.Workflows;
using SocialValue.Contracts;
using SocialValue.Workflow;

namespace SocialValue.Silo.Tests.Api;

/// <summary>Stored history typed for the API: only exact declared names are typed, and nothing else is lost.</summary>
public sealed class TypedHistoryTests
{
    private static readonly DateTimeOffset At = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Declared_names_are_typed_in_order_and_every_other_entry_is_kept_as_stored()
    {
        TransitionRecord[] stored =
        [
            Record("AnalyseNeeds", "Initiated", "NeedsAnalysis"),
            Record("Renegotiate", "Live", "Live"),
            Record("ProposePlan", "Open", "PlanProposed", "remedies/remedy-1"),
            Record("7", "Initiated", "Live"),
            Record("Consult", "NeedsAnalysis, Live", "Consultation"),
            Record("consult", "NeedsAnalysis", "Consultation"),
            Record("Consult", "NeedsAnalysis", "Consultation"),
        ];

        var history = TypedHistory.Of<ContractHistoryState, ContractHistoryTrigger, (ContractHistoryTrigger, ContractHistoryState, ContractHistoryState, string?)>(
            stored, (r, trigger, from, to) => (trigger, from, to, r.Subject));

        Assert.Equal([
            (ContractHistoryTrigger.AnalyseNeeds, ContractHistoryState.Initiated, ContractHistoryState.NeedsAnalysis, null),
            (ContractHistoryTrigger.ProposePlan, ContractHistoryState.Open, ContractHistoryState.PlanProposed, "remedies/remedy-1"),
            (ContractHistoryTrigger.Consult, ContractHistoryState.NeedsAnalysis, ContractHistoryState.Consultation, null),
        ], history.Entries);
        Assert.Equal([stored[1], stored[3], stored[4], stored[5]], history.Unrecognised);
    }

    [Fact]
    public void A_history_of_declared_names_has_no_unrecognised_entries()
    {
        var history = WorkflowApi.TransitionRecordResponse<RemedyStatus, RemedyTrigger>.FromHistory([Record("Accept", "PlanProposed", "Recovering")]);

        Assert.Equal([new(At, "officer", RemedyTrigger.Accept, RemedyStatus.PlanProposed, RemedyStatus.Recovering, null)], history.Entries);
        Assert.Null(history.Unrecognised);
    }

    private static TransitionRecord Record(string trigger, string from, string to, string? subject = null) =>
        new(At, "officer", trigger, from, to, null, subject);
}
