namespace SocialValue.Scheduling;

/// <summary>A business deadline a grain keeps in its state: when it falls due and the scheduler's job that will call it.</summary>
[GenerateSerializer]
public sealed record ScheduledDeadline(DateTimeOffset Due, string JobId);
