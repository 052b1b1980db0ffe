namespace SocialValue.Silo.Storage;

/// <summary>Which database holds grain state and the scheduler's tables (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}
