using Quartz;
using SocialValue.Silo.Runtime;

namespace SocialValue.Silo.Reminders;

/// <summary>Grain reminders as Quartz jobs keyed by (grain, reminder name) in Quartz's persistent store.</summary>
internal sealed class QuartzReminderRegistry(ISchedulerFactory schedulers, TimeProvider time) : IReminderRegistry
{
    public const string Group = "reminders";

    public async Task RegisterOrUpdateAsync(Type grainInterface, string key, string reminderName, TimeSpan dueTime, TimeSpan? period)
    {
        var scheduler = await schedulers.GetScheduler();
        var identity = Identity(grainInterface, key, reminderName);
        var job = JobBuilder.Create<ReminderJob>()
            .WithIdentity(identity, Group)
            .UsingJobData(ReminderJob.GrainInterface, grainInterface.FullName!)
            .UsingJobData(ReminderJob.GrainKey, key)
            .UsingJobData(ReminderJob.ReminderName, reminderName)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(identity, Group)
            .ForJob(job)
            .StartAt(time.GetUtcNow() + dueTime)
            .WithSimpleSchedule(schedule =>
            {
                if (period is { } every)
                {
                    schedule.WithInterval(every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount);
                }
                else
                {
                    // A one-shot reminder missed while every Silo was down fires as soon as one is back.
                    schedule.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow);
                }
            })
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true });
    }

    public async Task UnregisterAsync(Type grainInterface, string key, string reminderName)
    {
        var scheduler = await schedulers.GetScheduler();
        await scheduler.DeleteJob(new JobKey(Identity(grainInterface, key, reminderName), Group));
    }

    private static string Identity(Type grainInterface, string key, string reminderName) =>
        $"{grainInterface.Name}/{key}/{reminderName}";
}
