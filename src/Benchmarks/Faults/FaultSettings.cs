using Dating.AppHost.Options;
using Dating.BuildingBlocks.Modules;

namespace Dating.Benchmarks.Faults;

/// <summary>
/// How hard and how long a fault run pushes: users, the visit rate (each visit is three or four requests), and per
/// fault the time before it, the time its resource stays down, and the time watched after it is back.
/// </summary>
public sealed record FaultSettings(
    int Users, double VisitsPerSecond, TimeSpan Before, TimeSpan Down, TimeSpan After, TimeSpan SettleTimeout,
    IReadOnlyDictionary<string, int> Replicas, IReadOnlyList<Fault> Faults)
{
    /// <summary>
    /// The test suite's: the broker, a chat replica, a photos replica amid uploads and matching's one replica, each down
    /// for 5 s; then every event sent so far published again.
    /// </summary>
    public static FaultSettings Quick { get; } = new(8, 6, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5),
        TimeSpan.FromSeconds(90), new Dictionary<string, int> { [ModuleCatalog.Chat.Name] = 2, [ModuleCatalog.Photos.Name] = 2 },
        [Fault.Broker, Fault.Replica(ModuleCatalog.Chat.Name), Fault.PhotoProcessor(ModuleCatalog.Photos.Name, uploads: 16),
            Fault.OnlyReplica(ModuleCatalog.Matching.Name), Fault.Redelivery]);

    /// <summary>
    /// The broker, Redis and PostgreSQL killed; one of two replicas of profiles, matching and chat killed, and of photos
    /// amid 48 uploads: each down for 10 s. A matching replica frozen for 30 s, longer than the gateway's replica timeout (10 s), so that the run shows
    /// what the timeout does: the frozen replica is taken out, and its users are served by the other one. Matching's
    /// first replica killed while its second is stopped (the service has no replica left), and last every event sent
    /// so far published again.
    /// </summary>
    public static FaultSettings Full { get; } = new(24, 10, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20),
        TimeSpan.FromSeconds(120), new Dictionary<string, int>
        {
            [ModuleCatalog.Profiles.Name] = 2, [ModuleCatalog.Photos.Name] = 2, [ModuleCatalog.Matching.Name] = 2, [ModuleCatalog.Chat.Name] = 2,
        },
        [Fault.Broker, Fault.Server("redis"), Fault.Server("postgres"), Fault.Replica(ModuleCatalog.Profiles.Name), Fault.Replica(ModuleCatalog.Matching.Name),
            Fault.Replica(ModuleCatalog.Chat.Name), Fault.PhotoProcessor(ModuleCatalog.Photos.Name, uploads: 48), Fault.Freeze(ModuleCatalog.Matching.Name, TimeSpan.FromSeconds(30)),
            Fault.OnlyReplica(ModuleCatalog.Matching.Name), Fault.Redelivery]);

    /// <summary>How long <paramref name="fault"/>'s resource stays down.</summary>
    public TimeSpan DownOf(Fault fault) => fault.Down ?? Down;

    private const string MonolithName = "monolith";

    /// <summary>Which topology the run's stack has.</summary>
    public Topology Topology { get; init; } = Topology.Microservices;

    /// <summary>
    /// The monolith's: two replicas of it behind the gateway, Redis and PostgreSQL killed, a replica killed amid 48 photo
    /// uploads, a replica frozen for 30 s, its first replica killed while the second is stopped (the whole system has no
    /// replica left), and every event sent so far published again. No broker: its outbox's relay hands each event to its
    /// consumers in process (MassTransit's mediator).
    /// </summary>
    public static FaultSettings Monolith { get; } = Full with
    {
        Topology = Topology.Monolith,
        Replicas = new Dictionary<string, int> { [MonolithName] = 2 },
        Faults = [Fault.Server("redis"), Fault.Server("postgres"), Fault.PhotoProcessor(MonolithName, uploads: 48), Fault.Freeze(MonolithName, TimeSpan.FromSeconds(30)),
            Fault.OnlyReplica(MonolithName), Fault.Redelivery],
    };

    /// <summary>The monolith's quick form: a replica killed amid 16 photo uploads.</summary>
    public static FaultSettings MonolithQuick { get; } = Quick with
    {
        Topology = Topology.Monolith,
        Replicas = new Dictionary<string, int> { [MonolithName] = 2 },
        Faults = [Fault.PhotoProcessor(MonolithName, uploads: 16)],
    };

    /// <summary>The stack runs with <c>--ha</c>: the main PostgreSQL under Patroni with a synchronous standby, Redis with a replica and Sentinels.</summary>
    public bool HighAvailability { get; init; }

    /// <summary>
    /// The same topology under <c>--ha</c>, with the faults only it has: the PostgreSQL primary killed with synchronous
    /// replication, the standby killed, and the primary killed again with asynchronous replication; each node down for
    /// 15 s (Patroni's ttl is 10 s, so the standby is promoted while the old primary is down). The asynchronous fault
    /// comes last: every check covers the whole history, so a write it loses would also show in the checks after it.
    /// The quick form kills the primary once, synchronously.
    /// </summary>
    public FaultSettings WithHighAvailability(bool quick) => this with
    {
        HighAvailability = true,
        Down = quick ? Down : TimeSpan.FromSeconds(15),
        Faults = quick ? [Fault.PostgresPrimary(synchronous: true)] : [Fault.PostgresPrimary(synchronous: true), Fault.PostgresStandby, Fault.PostgresPrimary(synchronous: false)],
    };

    public static FaultSettings For(Topology topology, bool quick, bool highAvailability = false)
    {
        var settings = (topology, quick) switch
        {
            (Topology.Monolith, true) => MonolithQuick,
            (Topology.Monolith, false) => Monolith,
            (_, true) => Quick,
            _ => Full,
        };
        return highAvailability ? settings.WithHighAvailability(quick) : settings;
    }
}
