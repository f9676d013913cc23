namespace Dating.BuildingBlocks.Sessions;

/// <summary>Bound from the <c>Sessions</c> configuration section.</summary>
internal sealed class SessionOptions
{
    /// <summary>A session dies after this long without use.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>A session used again within this window is not rewritten (saves a Redis write per request).</summary>
    public TimeSpan SlidingGranularity { get; set; } = TimeSpan.FromMinutes(1);
}
