using System.Text.Json.Serialization;
using SocialValue.Scheduling;

namespace SocialValue.Contracts;

/// <summary>A remedy as the contract stores it: the shortfall the review found, the supplier's plan and the job of its due date.</summary>
[GenerateSerializer]
public sealed class Remedy
{
    [Id(0)]
    public string Id { get; set; } = "";

    [Id(1)]
    public string MeasureId { get; set; } = "";

    [Id(2)]
    public decimal Committed { get; set; }

    [Id(3)]
    public decimal Delivered { get; set; }

    [Id(4)]
    public string ReviewId { get; set; } = "";

    [Id(5)]
    public DateTimeOffset OpenedAt { get; set; }

    [Id(6)]
    public RemedyStatus Status { get; set; }

    [Id(7)]
    public string? Plan { get; set; }

    [Id(8)]
    public DateOnly? DueDate { get; set; }

    [Id(9)]
    public string? PlanProposedBy { get; set; }

    [Id(10)]
    public DateTimeOffset? PlanProposedAt { get; set; }

    /// <summary>The job that escalates the remedy to the break clause once an accepted plan's due date passes, while Recovering.</summary>
    [Id(11)]
    public ScheduledDeadline? DueJob { get; set; }

    /// <summary>Where the remedy is among the contract's parts: the subject of its entries in the contract's history.</summary>
    [JsonIgnore]
    public string Subject => $"remedies/{Id}";

    /// <summary>Whether the remedy is still being worked: a measure with one gets no second remedy from a review.</summary>
    [JsonIgnore]
    public bool Unfinished => Status is RemedyStatus.Open or RemedyStatus.PlanProposed or RemedyStatus.Recovering;

    /// <summary>When an accepted plan's due date has passed: the start of the day after it (UTC).</summary>
    [JsonIgnore]
    public DateTimeOffset? PassesAt => DueDate is { } due ? new DateTimeOffset(due.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}

/// <summary>A performance review as the contract stores it; the remedies it opened and the flags it raised name it.</summary>
[GenerateSerializer]
public sealed record StoredReview(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset ReviewedAt,
    [property: Id(2)] string ReviewedBy,
    [property: Id(3)] decimal ShortfallThreshold,
    [property: Id(4)] List<MeasurePerformance> Measures,
    [property: Id(5)] List<string> OverduePeriods,
    [property: Id(6)] List<string> RemediesOpened);
