namespace Dating.Profiles.Sessions;

internal sealed record LoginRequest(string? Email, string? Password);
