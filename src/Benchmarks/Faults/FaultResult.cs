namespace Dating.Benchmarks.Faults;

/// <summary>
/// Requests in one window of a fault (ended before it; in flight at it or started while its resource was down; started
/// after it was back), and how many failed.
/// </summary>
public sealed record FaultWindow(int Requests, int Failed)
{
    public double FailedShare => Requests == 0 ? 0 : (double)Failed / Requests;
}

/// <summary>
/// One fault's outcome: its windows; how long after the kill the last failing request ended (0 when none failed); the
/// p99 of requests from the kill on; the failures per step, before the kill and from it on; and the invariants once the system had settled (or what
/// still broke them when the settle time ran out).
/// </summary>
public sealed record FaultResult(
    Fault Fault, double DownSeconds, FaultWindow Before, FaultWindow During, FaultWindow After, double ErrorsEndAfterSeconds,
    double P99FromKillMs, IReadOnlyDictionary<string, FaultWindow> StepsBefore, IReadOnlyDictionary<string, FaultWindow> StepsFromKill,
    double? SettledAfterSeconds, IReadOnlyList<InvariantResult> Invariants)
{
    public bool InvariantsHold => Invariants.All(i => i.Holds);

    /// <summary>A lone replica's fault: the service's other replicas, stopped before its load and started again after its check.</summary>
    public IReadOnlyList<string> StoppedFirst { get; init; } = [];

    /// <summary>A redelivery: how many sent events each module's outbox was made to publish again.</summary>
    public IReadOnlyDictionary<string, int> Republished { get; init; } = new Dictionary<string, int>();
}
