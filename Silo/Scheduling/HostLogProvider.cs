using Microsoft.Extensions.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using IHangfireLog = Hangfire.Logging.ILog;
using IHangfireLogProvider = Hangfire.Logging.ILogProvider;

namespace SocialValue.Silo.Scheduling;

/// <summary>
/// Hangfire's log provider is process-wide (static), while each Silo host has its own logger factory. When several
/// hosts share a process (tests, benchmarks) one may outlive another's factory; then Hangfire logs nowhere rather
/// than failing the grain call that scheduled a job.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggers) : IHangfireLogProvider
{
    public IHangfireLog GetLogger(string name)
    {
        try
        {
            return new HangfireLog(loggers.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new HangfireLog(null);
        }
    }

    private sealed class HangfireLog(ILogger? logger) : IHangfireLog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var level = (LogLevel)(int)logLevel;
            if (logger is null || !logger.IsEnabled(level))
            {
                return false;
            }
            if (messageFunc is not null || exception is not null)
            {
#pragma warning disable CA2254 // Hangfire hands over finished messages, not templates.
                logger.Log(level, exception, messageFunc?.Invoke() ?? "");
#pragma warning restore CA2254
            }
            return true;
        }
    }
}
