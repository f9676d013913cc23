using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Matching;
using Dating.Matching.Data;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Matches;

/// <summary>
/// Ends a match at either party's request. The row lock makes a second unmatch of the same match wait, then find
/// it ended: MatchEnded is raised once, in the same commit as the change.
/// </summary>
internal sealed class Unmatching(MatchingDbContext db, TimeProvider time)
{
    /// <returns>false when there is no active match with that id involving the user.</returns>
    public Task<bool> UnmatchAsync(Guid userId, Guid matchId, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var rows = await db.Matches
                .FromSql($"SELECT * FROM matching.matches WHERE id = {matchId} AND ended_at IS NULL FOR UPDATE")
                .ToListAsync(ct);
            var match = rows.SingleOrDefault();
            if (match is null || !match.Involves(userId))
            {
                return false;
            }

            db.AddIntegrationEvent(match.End(MatchEndReason.Unmatched, time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        });
}
