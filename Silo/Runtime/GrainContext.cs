using SocialValue.Runtime;

namespace SocialValue.Silo.Runtime;

internal sealed class GrainContext(GrainId id, IGrainFactory grainFactory, IReminderRegistry reminders, TimeProvider time)
    : IGrainContext
{
    public string Key => id.Key;

    public IGrainFactory GrainFactory => grainFactory;

    public TimeProvider Time => time;

    public Task RegisterOrUpdateReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan? period = null) =>
        reminders.RegisterOrUpdateAsync(id.Interface, id.Key, reminderName, dueTime, period);

    public Task UnregisterReminderAsync(string reminderName) =>
        reminders.UnregisterAsync(id.Interface, id.Key, reminderName);
}
