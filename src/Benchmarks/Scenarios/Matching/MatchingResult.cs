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
}
