namespace Dating.Benchmarks.Sharding;

/// <summary>
/// One <c>shards add</c> under load: the seed and copy times, the command's wall time and output, the swipe load before,
/// during and after it, where the seeded rows went, and whether every acknowledged swipe is where it belongs.
/// </summary>
public sealed record ReshardingResult(
    ReshardingSettings Settings, double SeedSeconds, double CopySeconds, double ReshardSeconds, string CommandOutput,
    IReadOnlyList<LoadWindow> Load, RowMovement Rows, AcknowledgedCheck Acknowledged);
