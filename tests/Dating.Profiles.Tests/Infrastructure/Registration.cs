namespace Dating.Profiles.Tests.Infrastructure;

/// <summary>Valid registration bodies, each with a fresh e-mail.</summary>
public static class Registration
{
    public const string Password = "correct horse battery";

    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    public static Dictionary<string, object?> Valid(string? email = null) => new()
    {
        ["email"] = email ?? NewEmail(),
        ["password"] = Password,
        ["displayName"] = "Alex",
        ["birthDate"] = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-30).ToString("yyyy-MM-dd"),
        ["gender"] = "woman",
        ["interestedIn"] = new[] { "man", "nonbinary" },
        ["bio"] = "Climbing, coffee and long walks.",
        ["location"] = new Dictionary<string, object?> { ["latitude"] = 52.52, ["longitude"] = 13.405 },
    };
}
