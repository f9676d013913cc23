namespace Dating.Benchmarks.Faults;

/// <summary>What a fault does to its resource.</summary>
public enum FaultKind
{
    /// <summary>SIGKILL to a backing server's whole process tree; the dashboard's Start command brings it back after the down time.</summary>
    KillServer,

    /// <summary>SIGKILL to one service replica's app process; the dashboard's Start command brings it back after the down time.</summary>
    KillReplica,

    /// <summary>SIGSTOP to one replica's app process, SIGCONT after the down time: the slow, half-alive failure.</summary>
    FreezeReplica,

    /// <summary>
    /// SIGKILL to a service's first replica while it is the only one running: its other replicas are stopped with the
    /// dashboard's Stop command before the fault's load starts, and started again once the invariants are checked.
    /// </summary>
    KillOnlyReplica,

    /// <summary>
    /// Every event each module's outbox has sent is marked unsent, so the relay publishes it again with its own message id:
    /// what a relay that crashed between publishing and marking does, here for the whole history at once. Nothing is down.
    /// </summary>
    Redeliver,

    /// <summary>
    /// Under <c>--ha</c>: SIGKILL to the PostgreSQL leader's Patroni and its PostgreSQL (the node's process tree), so that
    /// Patroni promotes the standby; the dashboard's Start brings the old leader back, as the new leader's standby.
    /// </summary>
    KillPrimary,

    /// <summary>Under <c>--ha</c>: SIGKILL to the synchronous standby's Patroni and its PostgreSQL; the dashboard's Start brings it back.</summary>
    KillStandby,
}

/// <summary>One fault of the run, on one resource of the stack; down for the run's down time unless it names its own.</summary>
public sealed record Fault(FaultKind Kind, string Resource, TimeSpan? Down = null)
{
    public static Fault Broker { get; } = Server("rabbitmq");

    public static Fault Server(string resource) => new(FaultKind.KillServer, resource);

    /// <summary>The second of a service's two replicas.</summary>
    public static Fault Replica(string service) => new(FaultKind.KillReplica, $"{service}-1");

    /// <summary>
    /// The second of the photos service's two replicas, killed once half of a batch of <paramref name="uploads"/> photo uploads
    /// (sent all at once, under the load) is accepted: photos it was processing, and photos still waiting, must end ready.
    /// </summary>
    public static Fault PhotoProcessor(string service, int uploads) => Replica(service) with { PhotoBatch = uploads };

    /// <summary>A service's first replica, killed while it runs alone: nothing else serves that service until it is back.</summary>
    public static Fault OnlyReplica(string service) => new(FaultKind.KillOnlyReplica, $"{service}-0");

    /// <summary>Every event sent so far sent again, by every module's outbox relay.</summary>
    public static Fault Redelivery { get; } = new(FaultKind.Redeliver, "outbox");

    /// <summary>
    /// The main PostgreSQL's leader killed under <c>--ha</c>, with Patroni's synchronous replication as the stack runs it,
    /// or switched to asynchronous for this fault (and back after it): what each mode loses of the acknowledged writes.
    /// </summary>
    public static Fault PostgresPrimary(bool synchronous) => new(FaultKind.KillPrimary, "postgres") { Asynchronous = !synchronous };

    /// <summary>The main PostgreSQL's synchronous standby killed under <c>--ha</c>.</summary>
    public static Fault PostgresStandby { get; } = new(FaultKind.KillStandby, "postgres");

    /// <summary>Replication switched to asynchronous for the fault (Patroni's <c>synchronous_mode</c> off), and back after it.</summary>
    public bool Asynchronous { get; init; }

    /// <summary>The service whose replica the fault strikes: its resource name without the replica index.</summary>
    public string Service => Resource[..Resource.LastIndexOf('-')];

    /// <summary>The second of a service's two replicas, frozen.</summary>
    public static Fault Freeze(string service, TimeSpan? down = null) => new(FaultKind.FreezeReplica, $"{service}-1", down);

    /// <summary>Photo uploads sent all at once just before the fault, which strikes once half of them are accepted.</summary>
    public int PhotoBatch { get; init; }

    public string Name => Kind switch
    {
        FaultKind.KillServer => $"kill -9 of {Resource}",
        FaultKind.KillReplica when PhotoBatch > 0 => $"kill -9 of replica {Resource} amid {PhotoBatch} photo uploads",
        FaultKind.KillReplica => $"kill -9 of replica {Resource}",
        FaultKind.KillOnlyReplica => $"kill -9 of {Resource}, the only replica running",
        FaultKind.Redeliver => "every event sent so far published again",
        FaultKind.KillPrimary => $"kill -9 of the PostgreSQL primary, {(Asynchronous ? "asynchronous" : "synchronous")} replication",
        FaultKind.KillStandby => "kill -9 of the PostgreSQL standby",
        FaultKind.FreezeReplica => $"SIGSTOP of replica {Resource}" + (Down is { } down ? $" for {down.TotalSeconds:0} s" : ""),
        _ => throw new InvalidOperationException($"Unknown fault kind {Kind}."),
    };
}
