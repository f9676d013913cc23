using Dating.BuildingBlocks.Messaging;
using Dating.BuildingBlocks.Sessions;
using Dating.Profiles.Data;
using Dating.Profiles.IntegrationEvents;
using Dating.Profiles.ProfileManagement;
using Dating.Profiles.Sessions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dating.Profiles.Accounts;

/// <summary>
/// Creates an account with its profile and signs it in. The account, the profile and ProfileCreated commit in
/// one SaveChanges; the unique e-mail index settles a race between two registrations of the same address.
/// </summary>
internal sealed class Registration(
    ProfilesDbContext db, PasswordVerifier passwords, ISessionStore sessions, PublicProfiles profiles, TimeProvider time)
{
    /// <returns>null when the e-mail address already has an account.</returns>
    public async Task<SessionResponse?> RegisterAsync(NewAccount input, CancellationToken ct)
    {
        if (await db.Accounts.AnyAsync(a => a.Email == input.Email, ct))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var account = new Account { Id = Guid.CreateVersion7(now), Email = input.Email, PasswordHash = "", CreatedAt = now };
        account.PasswordHash = passwords.Hash(account, input.Password);
        account.Profile = new Profile
        {
            UserId = account.Id,
            DisplayName = input.Details.DisplayName,
            BirthDate = input.BirthDate,
            CreatedAt = now,
            UpdatedAt = now,
        };
        input.Details.ApplyTo(account.Profile);

        db.Accounts.Add(account);
        db.AddIntegrationEvent(ProfileEvents.Created(account.Profile, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Lost a race with a concurrent registration of the same e-mail.
            return null;
        }

        await profiles.CreatedAsync(account.Id, ct);
        var session = await sessions.CreateAsync(account.Id, ct);
        return new SessionResponse(account.Id, session.Token, session.ExpiresAt);
    }
}
