namespace SocialValue.Runtime;

/// <summary>What the runtime gives an activation: its identity, other grains, reminders and the clock.</summary>
public interface IGrainContext
{
    /// <summary>The grain's key.</summary>
    string Key { get; }

    /// <summary>References to other grains.</summary>
    IGrainFactory GrainFactory { get; }

    /// <summary>The clock; tests may replace it.</summary>
    TimeProvider Time { get; }

    /// <summary>Registers, or moves, the named persistent reminder of this grain.</summary>
    Task RegisterOrUpdateReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan? period = null);

    /// <summary>Removes the named reminder of this grain; does nothing when there is none.</summary>
    Task UnregisterReminderAsync(string reminderName);
}
