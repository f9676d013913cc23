using System.Text;

namespace Dating.BuildingBlocks.Persistence;

/// <summary>
/// The PostgreSQL advisory lock key migrations of a schema run under. Every replica of a module derives the
/// same key from its schema; modules sharing one database (the monolith) do not block each other.
/// </summary>
public static class MigrationLock
{
    public static long KeyFor(string schema)
    {
        // FNV-1a, 64 bits: stable across processes and runtimes (string.GetHashCode is not).
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes("migrations:" + schema))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
