using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace SocialValue.Silo.Database;

/// <summary>
/// First thing in a Silo's start, before clustering and grain storage open the database: on SQLite, takes the
/// one-Silo file lock; then applies the schema. The lock is released when the Silo has stopped.
/// </summary>
internal sealed class DatabaseStartup(DatabaseSettings settings, ILogger<DatabaseStartup> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private SqliteFileLock? _sqliteLock;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DatabaseStartup), ServiceLifecycleStage.First, StartAsync, StopAsync);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            _sqliteLock = SqliteFileLock.Acquire(settings.SqliteFilePath);
        }
        try
        {
            var version = await new DatabaseSchema(settings).ApplyAsync(cancellationToken);
            logger.LogInformation("{Provider} database schema is at version {Version}", settings.Provider, version);
        }
        catch
        {
            Release();
            throw;
        }
    }

    private Task StopAsync(CancellationToken cancellationToken)
    {
        Release();
        return Task.CompletedTask;
    }

    private void Release()
    {
        _sqliteLock?.Dispose();
        _sqliteLock = null;
    }
}
