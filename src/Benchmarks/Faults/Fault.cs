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

    /// <summary>The second of a service's two replicas, frozen.</summary>
    public static Fault Freeze(string service, TimeSpan? down = null) => new(FaultKind.FreezeReplica, $"{service}-1", down);

    /// <summary>Photo uploads sent all at once just before the fault, which strikes once half of them are accepted.</summary>
    public int PhotoBatch { get; init; }

    public string Name => Kind switch
    {
        FaultKind.KillServer => $"kill -9 of {Resource}",
        FaultKind.KillReplica when PhotoBatch > 0 => $"kill -9 of replica {Resource} amid {PhotoBatch} photo uploads",
        FaultKind.KillReplica => $"kill -9 of replica {Resource}",
        _ => $"SIGSTOP of replica {Resource}" + (Down is { } down ? $" for {down.TotalSeconds:0} s" : ""),
    };
}
