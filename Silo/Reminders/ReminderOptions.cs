namespace SocialValue.Silo.Reminders;

/// <summary>Scheduler settings (section <c>Reminders</c>).</summary>
public sealed class ReminderOptions
{
    /// <summary>How long an idle scheduler waits before looking for due triggers scheduled by another Silo.</summary>
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a clustered Silo checks in, and so how fast the others take over its reminders when it dies.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);
}
