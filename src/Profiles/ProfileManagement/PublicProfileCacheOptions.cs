namespace Dating.Profiles.ProfileManagement;

/// <summary>Bound from <c>Profiles:PublicProfileCache</c>.</summary>
internal sealed class PublicProfileCacheOptions
{
    public const string SectionName = "Profiles:PublicProfileCache";

    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(5);
}
