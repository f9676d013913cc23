using Microsoft.AspNetCore.Identity;

namespace Dating.Profiles.Accounts;

/// <summary>
/// Checks a password in about the same time whether or not the account exists, so timing reveals no e-mail.
/// Hashing is tens of milliseconds of CPU (PBKDF2): it runs on the thread pool, never on the thread that completed the
/// caller's last await. The hosts run with inline socket completions (the app host sets them), where that thread is the
/// socket event loop, and a hash there would hold up every connection of the process.
/// </summary>
internal sealed class PasswordVerifier(IPasswordHasher<Account> hasher)
{
    private static readonly Account Nobody = new() { Email = "nobody@invalid.example", PasswordHash = "" };

    private readonly Lazy<string> _dummyHash = new(() => hasher.HashPassword(Nobody, Guid.NewGuid().ToString()));

    public Task<PasswordVerificationResult> VerifyAsync(Account? account, string password) => Task.Run(() =>
    {
        if (account is null)
        {
            hasher.VerifyHashedPassword(Nobody, _dummyHash.Value, password);
            return PasswordVerificationResult.Failed;
        }

        return hasher.VerifyHashedPassword(account, account.PasswordHash, password);
    });

    public Task<string> HashAsync(Account account, string password) => Task.Run(() => hasher.HashPassword(account, password));
}
