using HdrHistogram;

namespace Dating.Benchmarks.Sharding;

/// <summary>
/// One run of swipes on <see cref="Shards"/> shards: at a fixed rate (all, and split into passes and likes whose like-back
/// check read the swiper's own shard or another), closed-loop (the maximum), and "my matches" at a fixed rate. Latencies in µs.
/// </summary>
public sealed record ThroughputRun(
    int Shards, int Round, HistogramBase Fixed, int FixedErrors, HistogramBase Passes, HistogramBase LikesSameShard, HistogramBase LikesOtherShard,
    double ClosedPerSecond, HistogramBase Closed, int ClosedErrors, HistogramBase MatchReads, int MatchReadErrors);
