namespace SocialValue.Silo.Runtime;

/// <summary>Persistent reminders of grains, kept by the scheduler.</summary>
public interface IReminderRegistry
{
    Task RegisterOrUpdateAsync(Type grainInterface, string key, string reminderName, TimeSpan dueTime, TimeSpan? period);

    Task UnregisterAsync(Type grainInterface, string key, string reminderName);
}
