namespace Dating.Profiles.Blocks;

/// <summary>Bound from <c>Profiles:BlockCache</c>.</summary>
internal sealed class BlockCacheOptions
{
    public const string SectionName = "Profiles:BlockCache";

    /// <summary>
    /// How long a user's cached block list lives. Every block invalidates both users' lists when it commits, so this only
    /// bounds how long a list could stay stale if that invalidation failed (Redis unreachable at that moment). Zero turns
    /// the cache off: every public profile read asks PostgreSQL.
    /// </summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(1);
}
