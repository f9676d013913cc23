using Dating.Matching.Data;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Matches;

/// <summary>
/// A transaction-scoped PostgreSQL advisory lock on an unordered pair of users: swipes and blocks between the
/// same two people run one after the other on every replica, so a mutual like always sees the other like.
/// </summary>
internal static class PairLock
{
    public static Task AcquireAsync(MatchingDbContext db, Guid one, Guid other, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended(least({one}, {other})::text || greatest({one}, {other})::text, 0))",
            ct);
}
