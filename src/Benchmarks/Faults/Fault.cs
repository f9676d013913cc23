namespace Dating.Benchmarks.Faults;

/// <summary>What a fault does to its resource: a backing server's whole process tree, or one service replica's app process.</summary>
public enum FaultKind
{
    KillServer,
    KillReplica,
}

/// <summary>One fault of the run: <c>kill -9</c> of <paramref name="Resource"/>, started again by the dashboard's Start command after the down time.</summary>
public sealed record Fault(FaultKind Kind, string Resource)
{
    public static Fault Broker { get; } = new(FaultKind.KillServer, "rabbitmq");

    /// <summary>The second of a service's two replicas.</summary>
    public static Fault Replica(string service) => new(FaultKind.KillReplica, $"{service}-1");

    public string Name => Kind == FaultKind.KillServer ? $"kill -9 of {Resource}" : $"kill -9 of replica {Resource}";
}
