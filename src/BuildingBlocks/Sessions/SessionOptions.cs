namespace Dating.BuildingBlocks.Sessions;

/// <summary>Bound from the <c>Sessions</c> configuration section.</summary>
internal sealed class SessionOptions
{
    /// <summary>A session dies after this long without use.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>A session used again within this window is not rewritten (saves a Redis write per request).</summary>
    public TimeSpan SlidingGranularity { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Replicas that must have a new session before the login is answered (Redis WAIT); 0 without replicas. With one,
    /// a failover right after a login keeps the session (the app host sets it under --ha).
    /// </summary>
    public int ReplicaAcknowledgements { get; set; }

    /// <summary>How long a login waits for the replicas: past it the session is still issued, only not yet safe from a failover.</summary>
    public TimeSpan ReplicaAcknowledgementTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The key (base64, at least 32 bytes) with which the gateway signs the session it checked and the services trust
    /// that signature instead of checking again (<see cref="ForwardedSession"/>); unset, every process checks every
    /// session itself. The app host generates one per run.
    /// </summary>
    public string? ForwardingKey { get; set; }
}
