using Dating.BuildingBlocks.Messaging;
using Dating.Profiles.Data;
using Dating.Profiles.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Dating.Profiles.ProfileManagement;

/// <summary>Replaces a user's editable profile fields: the change and ProfileUpdated commit together, then the cached public profile goes.</summary>
internal sealed class ProfileUpdate(ProfilesDbContext db, PublicProfiles profiles, TimeProvider time)
{
    /// <returns>null when the user has no profile.</returns>
    public async Task<OwnProfileResponse?> UpdateAsync(Guid userId, ProfileDetails details, CancellationToken ct)
    {
        var account = await db.Accounts.Include(a => a.Profile).SingleOrDefaultAsync(a => a.Id == userId, ct);
        if (account is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        details.ApplyTo(account.Profile);
        account.Profile.UpdatedAt = now;
        db.AddIntegrationEvent(ProfileEvents.Updated(account.Profile, now));
        await db.SaveChangesAsync(ct);
        await profiles.ChangedAsync(userId, ct);

        return OwnProfileResponse.From(account, time.Today());
    }
}
