namespace Dating.Profiles.Sessions;

/// <summary>Bound from <c>Profiles:LoginRateLimit</c>. Counted in Redis, so the limits hold across replicas.</summary>
internal sealed class LoginRateLimitOptions
{
    public const string SectionName = "Profiles:LoginRateLimit";

    public int PerEmail { get; set; } = 5;

    public int PerAddress { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
