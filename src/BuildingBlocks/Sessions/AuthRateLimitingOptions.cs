namespace Dating.BuildingBlocks.Sessions;

/// <summary>
/// The edge's limit on the account routes, bound from the gateway's own section (<c>Gateway:RateLimiting</c>):
/// whichever process faces the client applies it, with the same settings in both topologies.
/// </summary>
public sealed class AuthRateLimitingOptions
{
    public const string SectionName = "Gateway:RateLimiting";

    public bool Enabled { get; set; } = true;

    // Requests to /api/auth/* one client address may make per window.
    public int PermitLimit { get; set; } = 100;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
