using Dating.BuildingBlocks.Messaging;
using Dating.Profiles.Blocks;
using Dating.Profiles.Data;
using Dating.Profiles.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Dating.Profiles.ProfileManagement;

internal static class AccountDeletion
{
    /// <summary>
    /// Deletes the account with everything this module keeps about the user (profile, blocks either way, photo
    /// read model) and raises ProfileDeleted, in one transaction. False when there was no such account (a
    /// concurrent delete won: its row lock makes this one wait, then find nothing).
    /// </summary>
    public static Task<bool> DeleteAccountAsync(this ProfilesDbContext db, Guid userId, DateTimeOffset now, CancellationToken ct) =>
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
