namespace SocialValue.Runtime;

/// <summary>A grain that receives the persistent reminders it registered.</summary>
public interface IRemindable : IGrain
{
    /// <summary>Called by the scheduler when the reminder named <paramref name="reminderName"/> is due.</summary>
    Task ReceiveReminderAsync(string reminderName, TickStatus status);
}

/// <summary>When a reminder was first due, its period (zero for one-shot reminders) and when this tick was due.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
