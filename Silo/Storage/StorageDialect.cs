namespace SocialValue.Silo.Storage;

/// <summary>What differs between the databases: the schema statements and the expression for "now".</summary>
public sealed record StorageDialect(string Name, IReadOnlyList<string> SchemaStatements, string Now)
{
    public static readonly StorageDialect Sqlite = new(
        "Sqlite",
        [
            // WAL lets readers go on while one writer writes; FULL sync makes a committed write survive a power cut.
            "PRAGMA journal_mode = WAL",
            """
            CREATE TABLE IF NOT EXISTS grain_state (
                grain_type TEXT NOT NULL,
                grain_key TEXT NOT NULL,
                state_name TEXT NOT NULL,
                etag INTEGER NOT NULL,
                payload TEXT NULL,
                modified_at TEXT NOT NULL,
                PRIMARY KEY (grain_type, grain_key, state_name))
            """,
        ],
        "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");

    public static readonly StorageDialect Postgres = new(
        "Postgres",
        [
            // Two Silos starting together on a fresh database would race on CREATE TABLE; the lock orders them.
            "SELECT pg_advisory_lock(74010001)",
            """
            CREATE TABLE IF NOT EXISTS grain_state (
                grain_type TEXT NOT NULL,
                grain_key TEXT NOT NULL,
                state_name TEXT NOT NULL,
                etag BIGINT NOT NULL,
                payload TEXT NULL,
                modified_at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (grain_type, grain_key, state_name))
            """,
            "SELECT pg_advisory_unlock(74010001)",
        ],
        "now()");
}
