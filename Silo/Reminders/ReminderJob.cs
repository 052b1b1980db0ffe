using Quartz;
using SocialValue.Runtime;
using SocialValue.Silo.Runtime;

namespace SocialValue.Silo.Reminders;

/// <summary>Delivers one firing of a reminder to its grain; Quartz makes a new instance per firing.</summary>
internal sealed class ReminderJob(GrainRuntime runtime) : IJob
{
    public const string GrainInterface = "grainInterface";
    public const string GrainKey = "grainKey";
    public const string ReminderName = "reminder";
    private const int MaxRefires = 3;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var grainInterface = runtime.Registry.FindInterface(data.GetString(GrainInterface)!)
            ?? throw new JobExecutionException($"No grain interface {data.GetString(GrainInterface)} is registered.");
        var grain = (IRemindable)runtime.GetGrain(grainInterface, data.GetString(GrainKey)!);
        var trigger = context.Trigger;
        var period = trigger is ISimpleTrigger { RepeatCount: not 0 } simple ? simple.RepeatInterval : TimeSpan.Zero;
        var status = new TickStatus(trigger.StartTimeUtc, period, context.ScheduledFireTimeUtc ?? context.FireTimeUtc);
        try
        {
            await grain.ReceiveReminderAsync(data.GetString(ReminderName)!, status);
        }
        catch (Exception e) when (context.RefireCount < MaxRefires)
        {
            throw new JobExecutionException(e) { RefireImmediately = true };
        }
    }
}
