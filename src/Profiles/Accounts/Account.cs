using Dating.Profiles.ProfileManagement;

namespace Dating.Profiles.Accounts;

/// <summary>A login identity. The e-mail is stored trimmed and lower-cased, unique.</summary>
internal sealed class Account
{
    public Guid Id { get; init; }

    public required string Email { get; init; }

    public required string PasswordHash { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public Profile Profile { get; set; } = null!;
}
