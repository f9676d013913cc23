namespace Dating.Gateway.RateLimiting;

// Configuration section "Gateway:RateLimiting".
public sealed class AuthRateLimitingOptions
{
    public const string SectionName = "Gateway:RateLimiting";

    public bool Enabled { get; set; } = true;

    // Requests to /api/auth/* one client address may make per window.
    public int PermitLimit { get; set; } = 100;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
