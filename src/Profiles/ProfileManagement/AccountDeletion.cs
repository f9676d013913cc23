using Dating.BuildingBlocks.Messaging;
using Dating.BuildingBlocks.Sessions;
using Dating.Profiles.Blocks;
using Dating.Profiles.Data;
using Dating.Profiles.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Dating.Profiles.ProfileManagement;

/// <summary>
/// Deletes an account with everything this module keeps about the user (profile, blocks either way, photo read
/// model) and raises ProfileDeleted, in one transaction; then ends the user's sessions and drops the cached profile.
/// </summary>
internal sealed class AccountDeletion(ProfilesDbContext db, PublicProfiles profiles, ISessionStore sessions, TimeProvider time)
{
    /// <returns>false when there was no such account (a concurrent delete won: its row lock makes this one wait, then find nothing).</returns>
    public async Task<bool> DeleteAsync(Guid userId, CancellationToken ct)
    {
        if (!await DeleteRowsAsync(userId, time.GetUtcNow(), ct))
        {
            return false;
        }

        await sessions.RevokeAllAsync(userId, ct);
        await profiles.ChangedAsync(userId, ct);
        return true;
    }

    private Task<bool> DeleteRowsAsync(Guid userId, DateTimeOffset now, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // The profile row goes with the account (ON DELETE CASCADE).
            if (await db.Accounts.Where(a => a.Id == userId).ExecuteDeleteAsync(ct) == 0)
            {
                return false;
            }

            await db.Blocks.Involving(userId).ExecuteDeleteAsync(ct);
            await db.ProfilePhotos.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
            await db.PrimaryPhotos.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
            db.AddIntegrationEvent(ProfileEvents.Deleted(userId, now));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        });
}
