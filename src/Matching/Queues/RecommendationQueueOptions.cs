namespace Dating.Matching.Queues;

/// <summary>Precomputed recommendation queues; bound from <c>Matching:Queues</c>.</summary>
internal sealed class RecommendationQueueOptions
{
    public const string SectionName = "Matching:Queues";

    /// <summary>How often the batch job recomputes the queues of active users.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Candidates computed into one queue.</summary>
    public int Length { get; set; } = 100;

    /// <summary>A queue shorter than this after a read is refilled in the background.</summary>
    public int LowWatermark { get; set; } = 10;

    /// <summary>Users who asked for recommendations within this window count as active for the batch job.</summary>
    public TimeSpan ActiveWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A queue nobody reads expires after this.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long one replica may hold the batch lock before another may take over (renewed while it works).</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Queues the batch computes at once (each mostly waits on PostgreSQL).</summary>
    public int BatchParallelism { get; set; } = 4;
}
