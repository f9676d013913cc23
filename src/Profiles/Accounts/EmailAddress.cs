using System.Net.Mail;

namespace Dating.Profiles.Accounts;

internal static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>Trimmed and lower-cased, so uniqueness and look-ups ignore case.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A plain <c>local@domain.tld</c> address: no display name, no spaces, a dotted domain.</summary>
    public static bool IsValid(string normalized) =>
        normalized.Length is > 0 and <= MaxLength
        && !normalized.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(normalized, out var address)
        && address.Address == normalized
        && address.Host.Contains('.')
        && !address.Host.StartsWith('.')
        && !address.Host.EndsWith('.');
}
