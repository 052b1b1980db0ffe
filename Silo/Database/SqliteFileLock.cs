namespace SocialValue.Silo.Database;

/// <summary>
/// An exclusive operating-system lock on <c>&lt;database&gt;.lock</c>, held while a Silo runs on that SQLite file.
/// SQLite serves one Silo: a second one would have its own grain activations over the same rows.
/// </summary>
internal sealed class SqliteFileLock : IDisposable
{
    private readonly FileStream _file;

    private SqliteFileLock(FileStream file) => _file = file;

    /// <summary>Takes the lock, creating the database's folder when missing; throws when another Silo holds it.</summary>
    public static SqliteFileLock Acquire(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        try
        {
            return new SqliteFileLock(new FileStream(
                databasePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.None));
        }
        catch (IOException exception)
        {
            throw new InvalidOperationException(
                $"Another Silo is already using the SQLite database at {databasePath}; SQLite serves one Silo. " +
                "Use Storage:Provider=Postgres to run several.",
                exception);
        }
    }

    public void Dispose() => _file.Dispose();
}
