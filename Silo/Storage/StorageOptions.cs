namespace SocialValue.Silo.Storage;

/// <summary>Which database holds grain state and the scheduler's tables (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
