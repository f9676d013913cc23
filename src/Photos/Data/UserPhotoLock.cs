using Microsoft.EntityFrameworkCore;

namespace Dating.Photos.Data;

/// <summary>
/// Serialises every change to one user's gallery (count limit, positions, primary photo) across replicas:
/// a transaction-scoped PostgreSQL advisory lock, released at commit or rollback.
/// </summary>
internal static class UserPhotoLock
{
    // The two-key form lives in its own key space, apart from the migrator's single bigint keys.
    private const int LockClass = 0x50484F54; // "PHOT"

    public static async Task LockUserPhotosAsync(this PhotosDbContext db, Guid userId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The user's photo lock needs a transaction: it is released at commit.");
        }

        var key = KeyOf(userId);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, {key})", ct);
    }

    private static int KeyOf(Guid userId)
    {
        Span<byte> bytes = stackalloc byte[16];
        userId.TryWriteBytes(bytes);
        return BitConverter.ToInt32(bytes[..4]) ^ BitConverter.ToInt32(bytes[4..8])
            ^ BitConverter.ToInt32(bytes[8..12]) ^ BitConverter.ToInt32(bytes[12..]);
    }
}
