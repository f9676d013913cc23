namespace Dating.Matching.CardCache;

/// <summary>The per-replica near cache of callers' own candidate cards; bound from <c>Matching:CardCache</c>.</summary>
internal sealed class CardCacheOptions
{
    public const string SectionName = "Matching:CardCache";

    /// <summary>Cards kept per replica; when full, new cards are not stored until a compaction frees room.</summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>The bound on staleness if an invalidation is ever lost (a publish that failed).</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(5);
}
