using Dating.Benchmarks.Load;
using Dating.Benchmarks.Reports;

namespace Dating.Benchmarks.Scenarios.Matching;

/// <summary>What the matching benchmark measured; the batch numbers are null when the batch could not be observed.</summary>
public sealed record MatchingResult(
    int Seeded, double SeedSeconds, string SeedOutput,
    Latency Cold, int ColdErrors, Latency Hit, double HitPerSecond, int HitErrors,
    Latency Swipe, int Swipes, int SwipeErrors, double SwipeSeconds,
    int? BatchUsers, double? BatchSeconds, string BatchNote)
{
    public double SwipesPerSecond => (Swipes - SwipeErrors) / SwipeSeconds;

    public double? BatchSecondsPer10000 => BatchUsers is > 0 && BatchSeconds is { } seconds ? seconds * 10_000 / BatchUsers.Value : null;

    /// <summary>Under <c>--ha</c>: the batch timed with the standby streaming and stopped, in the order run.</summary>
    public IReadOnlyList<StandbyBatch> StandbyBatches { get; init; } = [];
}

/// <summary>
/// One batch under <c>--ha</c>: whether the standby was streaming, its users and time (null when not observed), and the
/// lag-tolerant reads matching-0 counted meanwhile as served by the standby and by the primary.
/// </summary>
public sealed record StandbyBatch(int Round, bool WithStandby, int? Users, double? Seconds, long StandbyReads, long PrimaryReads)
{
    /// <summary>The primary's node (Patroni, its PostgreSQL and backends) during the batch: CPU and peak PSS, as "backing".</summary>
    public ResourceUsage PrimaryNode { get; init; } = ResourceUsage.None;

    /// <summary>The standby's node likewise; null while it was stopped.</summary>
    public ResourceUsage? StandbyNode { get; init; }

    public double? UsersPerSecond => Users is > 0 && Seconds is > 0 ? Users.Value / Seconds.Value : null;
}
