using SocialValue.Workflow;
using static System.FormattableString;

namespace SocialValue.Contracts;

/// <summary>
/// Seed 004's enforcement and reward over a contract's state: a recorded review opens a remedy on each measure in
/// shortfall that has no unfinished one, and flags over-delivery (and the demand reductions the commissioner records)
/// for an extension opportunity; the review and all it did go into the contract's history in one entry.
/// </summary>
public static class PerformanceReviews
{
    /// <summary>The trigger a review is recorded under in the contract's history.</summary>
    public const string ReviewTrigger = "ReviewPerformance";

    /// <summary>Records <paramref name="performance"/> as the contract's next review, with the remedies and flags it gives rise to.</summary>
    public static StoredReview Record(ContractState contract, PerformanceReview performance, NewPerformanceReview review, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(performance);
        ArgumentNullException.ThrowIfNull(review);
        var id = $"review-{contract.Reviews.Count + 1}";
        var opened = new List<Remedy>();
        foreach (var measure in performance.Measures.Where(m => m.Shortfall))
        {
            if (contract.Remedies.Any(r => r.MeasureId == measure.MeasureId && r.Unfinished))
            {
                continue;
            }
            opened.Add(new Remedy
            {
                Id = $"remedy-{contract.Remedies.Count + opened.Count + 1}",
                MeasureId = measure.MeasureId,
                Committed = measure.Committed,
                Delivered = measure.Delivered,
                ReviewId = id,
                OpenedAt = at,
                Status = RemedyStatus.Open,
            });
        }
        var flagged = contract.ExtensionFlags.Where(f => f.Kind == ExtensionFlagKind.OverDelivery).Select(f => f.MeasureId).ToHashSet();
        List<ExtensionFlag> flags =
        [
            .. performance.Measures
                .Where(m => m.Delivered > m.Committed && !flagged.Contains(m.MeasureId))
                .Select(m => new ExtensionFlag(ExtensionFlagKind.OverDelivery, m.MeasureId,
                    Invariant($"delivered {m.Delivered} {m.Unit} against {m.Committed} committed on '{m.Title}'"), id, at)),
            .. review.DemandReductions.Select(note => new ExtensionFlag(ExtensionFlagKind.DemandReduction, null, note, id, at)),
        ];
        var stored = new StoredReview(id, at, review.Actor, performance.ShortfallThreshold, [.. performance.Measures],
            [.. performance.OverduePeriods], [.. opened.Select(r => r.Id)]);
        contract.Reviews.Add(stored);
        contract.Remedies.AddRange(opened);
        contract.ExtensionFlags.AddRange(flags);
        contract.History.Add(new TransitionRecord(at, review.Actor, ReviewTrigger, contract.Status.ToString(), contract.Status.ToString(),
            Summary(performance, opened, flags), $"performance-reviews/{id}"));
        return stored;
    }

    /// <summary>A review as callers see it, with the flags it raised.</summary>
    public static PerformanceReviewDetails DetailsOf(string contractId, ContractState contract, StoredReview review) =>
        new(review.Id, review.ReviewedAt, review.ReviewedBy,
            new PerformanceReview(contractId, contract.Status, review.ReviewedAt, review.ShortfallThreshold, review.Measures.Any(m => m.Shortfall),
                review.Measures, review.OverduePeriods),
            review.RemediesOpened, [.. contract.ExtensionFlags.Where(f => f.ReviewId == review.Id)]);

    /// <summary>A remedy as callers see it, with its steps from the contract's history.</summary>
    public static RemedyDetails DetailsOf(ContractState contract, Remedy remedy)
    {
        var term = contract.Terms.First(t => t.MeasureId == remedy.MeasureId);
        var plan = remedy.Plan is { } text && remedy.DueDate is { } due
            ? new RecoveryPlan(text, due, remedy.PlanProposedBy ?? "", remedy.PlanProposedAt ?? remedy.OpenedAt)
            : null;
        return new RemedyDetails(remedy.Id, remedy.MeasureId, term.Title, term.Unit, term.Kind, remedy.Committed, remedy.Delivered,
            remedy.Committed - remedy.Delivered, remedy.ReviewId, remedy.OpenedAt, remedy.Status, plan,
            [.. contract.History.Where(h => h.Subject == remedy.Subject)]);
    }

    /// <summary>What the review found and did, in one sentence for the contract's history.</summary>
    private static string Summary(PerformanceReview performance, IReadOnlyList<Remedy> opened, IReadOnlyList<ExtensionFlag> flags)
    {
        var shortfalls = performance.Measures.Where(m => m.Shortfall).ToList();
        var found = shortfalls.Count == 0
            ? Invariant($"no measure short of its commitment by more than {performance.ShortfallThreshold * 100:0.##}%")
            : Invariant($"{shortfalls.Count} of {performance.Measures.Count} measures short of the commitment by more than {performance.ShortfallThreshold * 100:0.##}%: ")
                + string.Join("; ", shortfalls.Select(m => Invariant($"'{m.Title}' {m.Delivered} of {m.Committed} {m.Unit}")));
        var parts = new List<string> { found };
        if (opened.Count > 0)
        {
            parts.Add($"opened {string.Join(", ", opened.Select(r => $"{r.Id} on '{r.MeasureId}'"))}");
        }
        if (performance.OverduePeriods.Count > 0)
        {
            parts.Add($"returns overdue for {string.Join(", ", performance.OverduePeriods)}");
        }
        if (flags.Count > 0)
        {
            parts.Add("flagged for an extension opportunity: " + string.Join("; ", flags.Select(f => f.Kind == ExtensionFlagKind.OverDelivery
                ? $"over-delivery, {f.Note}"
                : $"demand reduction, {f.Note}")));
        }
        return string.Join("; ", parts);
    }
}
