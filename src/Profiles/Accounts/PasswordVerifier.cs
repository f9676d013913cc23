using Microsoft.AspNetCore.Identity;

namespace Dating.Profiles.Accounts;

/// <summary>Checks a password in about the same time whether or not the account exists, so timing reveals no e-mail.</summary>
internal sealed class PasswordVerifier(IPasswordHasher<Account> hasher)
{
    private static readonly Account Nobody = new() { Email = "nobody@invalid.example", PasswordHash = "" };

    private readonly Lazy<string> _dummyHash = new(() => hasher.HashPassword(Nobody, Guid.NewGuid().ToString()));

    public PasswordVerificationResult Verify(Account? account, string password)
    {
        if (account is null)
        {
            hasher.VerifyHashedPassword(Nobody, _dummyHash.Value, password);
            return PasswordVerificationResult.Failed;
        }

        return hasher.VerifyHashedPassword(account, account.PasswordHash, password);
    }

    public string Hash(Account account, string password) => hasher.HashPassword(account, password);
}
