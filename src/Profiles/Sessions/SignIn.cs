using Dating.BuildingBlocks.Sessions;
using Dating.Profiles.Accounts;
using Dating.Profiles.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dating.Profiles.Sessions;

/// <summary>Checks an e-mail and password and opens a session; a hash made with older settings is upgraded on the way.</summary>
internal sealed class SignIn(ProfilesDbContext db, PasswordVerifier passwords, ISessionStore sessions)
{
    /// <returns>null for an unknown e-mail and for a wrong password alike.</returns>
    public async Task<SessionResponse?> SignInAsync(string normalizedEmail, string password, CancellationToken ct)
    {
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Email == normalizedEmail, ct);
        var verification = passwords.Verify(account, password);
        if (account is null || verification == PasswordVerificationResult.Failed)
        {
            return null;
        }

        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = passwords.Hash(account, password);
            await db.SaveChangesAsync(ct);
        }

        var session = await sessions.CreateAsync(account.Id, ct);
        return new SessionResponse(account.Id, session.Token, session.ExpiresAt);
    }
}
