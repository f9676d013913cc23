namespace Dating.BuildingBlocks.Messaging;

/// <summary>Tuning of the outbox, retries and retention; bound from the <c>Messaging</c> configuration section.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>How often leftovers are published (after a broker outage, a crash, or a commit the interceptor did not see).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long one publish may wait for the broker before the row is left for the next sweep.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>In process (the monolith), how long one event's consumers may take before the row is left for the next sweep.</summary>
    public TimeSpan HandleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Outbox rows locked and published per round trip.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Redeliveries of a failing message before it is parked in the endpoint's <c>_error</c> queue (with a broker; in
    /// process the row stays in the outbox and every sweep tries it again).
    /// </summary>
    public int RetryLimit { get; set; } = 5;

    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryIntervalDelta { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Dispatched outbox rows and inbox rows older than this are deleted; must outlast any redelivery.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
