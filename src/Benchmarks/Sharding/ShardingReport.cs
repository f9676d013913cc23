using System.Text;
using Dating.Benchmarks.Reports;
using static Dating.Benchmarks.Reports.ReportFile;

namespace Dating.Benchmarks.Sharding;

/// <summary>The Markdown tables of the sharding benchmark.</summary>
public static class ShardingReport
{
    public const string ReshardingSection = "### Resharding";
    public const string GivenUpSection = "### Rows each old shard gave up";
    public const string ModNSection = "### Consistent hashing against hash mod N";
    public const string LoadSection = "### Swipes while it ran";
    public const string ThroughputSection = "### Swipe throughput by shard count";
    public const string CrossShardSection = "### The cross-shard steps";

    public static string Describe(ShardingSettings settings)
    {
        var (r, t) = (settings.Resharding, settings.Throughput);
        var runs = settings.ShardCounts.Count == 0
            ? Invariant($"throughput: one round on the resharding stack, with {r.FromShards} shards, before the change")
            : Invariant($"throughput: a fresh stack per run with {string.Join(", ", settings.ShardCounts)} shard(s), alternated, {settings.Rounds} round(s)");
        return Invariant($"resharding: {r.ToShards} shard servers (PostgreSQL each), the first map naming {r.FromShards}; {r.SeededUsers:N0} seeded users with ")
            + Invariant($"{r.SwipesPerUser} swipes each copied onto their shards; `shards add` (the matching host's verb, as a process) while {r.Swipers} registered ")
            + Invariant($"users swipe seeded ones through the gateway at {r.SwipesPerSecond:0}/s (open model), {r.Before.TotalSeconds:0} s before and {r.After.TotalSeconds:0} s after. ")
            + runs + Invariant($"; {t.Swipers} swipers on {t.SeededUsers:N0} seeded users, {t.SwipesPerSecond:0}/s for {t.FixedDuration.TotalSeconds:0} s after a quarter of that ")
            + Invariant($"as warm-up, then {t.Clients} closed-loop clients for {t.ClosedDuration.TotalSeconds:0} s, then \"my matches\" at {t.MatchReadsPerSecond:0}/s for ")
            + Invariant($"{t.MatchReadsDuration.TotalSeconds:0} s. Every swipe is a new pair; likes and passes alternate; a seeded user never likes back.");
    }

    public static string Render(ShardingResult result, string header)
    {
        var text = new StringBuilder(header).AppendLine().AppendLine();
        RenderResharding(text, result.Resharding);
        RenderThroughput(text, result.Throughput);
        return text.ToString();
    }

    private static void RenderResharding(StringBuilder text, ReshardingResult result)
    {
        var (s, rows, acks) = (result.Settings, result.Rows, result.Acknowledged);
        text.AppendLine(Invariant($"{ReshardingSection} {s.FromShards} → {s.ToShards} shards under load")).AppendLine();
        text.AppendLine("| what | measured |").AppendLine("|---|---:|");
        text.AppendLine(Invariant($"| seeded users (the host's seed verb) | {s.SeededUsers:N0} in {result.SeedSeconds:0.0} s |"));
        text.AppendLine(Invariant($"| their swipes, copied onto the shards the ring names | {rows.Rows:N0} in {result.CopySeconds:0.0} s |"));
        text.AppendLine(Invariant($"| **time to reshard** (`shards add`, from the command to the clean map) | **{result.ReshardSeconds:0.0} s** |"));
        text.AppendLine(Invariant($"| seeded rows before / after | {rows.Rows:N0} / {rows.RowsAfter:N0} ({(rows.Rows == rows.RowsAfter ? "equal" : "DIFFERENT")}) |"));
        text.AppendLine(Invariant($"| seeded swipers not found once, whole, on the shard the new ring names | {rows.SwipersMisplaced} of {rows.Swipers:N0} |"));
        text.AppendLine(Invariant($"| swipes acknowledged through the gateway / not stored exactly once / on another shard or decision | {acks.Acknowledged:N0} / {acks.NotExactlyOnce} / {acks.Misplaced} |"));
        text.AppendLine();

        text.AppendLine(GivenUpSection).AppendLine();
        text.AppendLine("| shard | rows before | rows after | gave up | of its rows | to other old shards |").AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var shard in rows.Shards)
        {
            text.AppendLine(Invariant($"| {shard.Shard} | {shard.RowsBefore:N0} | {shard.RowsAfter:N0} | {shard.GaveUp:N0} | {shard.GaveUpShare:P1} | {shard.ToOtherOldShards:N0} |"));
        }

        text.AppendLine();
        text.AppendLine(ModNSection).AppendLine();
        text.AppendLine(Invariant($"The same {rows.Swipers:N0} seeded swipers' {rows.Rows:N0} rows; `hash mod N` is the ring's hash (XxHash64 of the user id) modulo {rows.FromShards}, then {rows.ToShards}, computed."))
            .AppendLine();
        text.AppendLine("| placement | rows moved | share | ideal (1/N) | between old shards |").AppendLine("|---|---:|---:|---:|---:|");
        text.AppendLine(Invariant($"| consistent hashing (measured) | {rows.RowsMoved:N0} | **{rows.MovedShare:P1}** | {rows.IdealShare:P1} | {rows.RowsBetweenOldShards:N0} |"));
        text.AppendLine(Invariant($"| hash mod N (computed) | {rows.ModNRowsMoved:N0} | **{rows.ModNShare:P1}** | {rows.IdealShare:P1} | {rows.ModNRowsBetweenOldShards:N0} |"));
        text.AppendLine();

        text.AppendLine(LoadSection).AppendLine();
        text.AppendLine(Invariant($"Swipes at {s.SwipesPerSecond:0}/s through the gateway, timed from their intended send time.")).AppendLine();
        text.AppendLine("| window | seconds | swipes | errors | error rate | p50 ms | p90 ms | p99 ms | max ms |").AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var window in result.Load)
        {
            text.AppendLine(Invariant($"| {window.Name} | {window.Seconds:0.0} | {window.Latency.Count} | {window.Errors} | {window.ErrorRate:P2} | {window.Latency.Cells()} |"));
        }

        text.AppendLine().AppendLine("The command's own report:").AppendLine().AppendLine("```text").AppendLine(result.CommandOutput).AppendLine("```").AppendLine();
    }

    private static void RenderThroughput(StringBuilder text, IReadOnlyList<ThroughputRun> runs)
    {
        text.AppendLine(ThroughputSection).AppendLine();
        text.AppendLine("| round | shards | swipes at a fixed rate | errors | p50 ms | p90 ms | p99 ms | max ms | closed-loop swipes/s | p99 ms | errors |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            var (fixedRate, closed) = (Latency.Of(run.Fixed), Latency.Of(run.Closed));
            text.AppendLine(Invariant(
                $"| {run.Round} | {run.Shards} | {fixedRate.Count} | {run.FixedErrors} | {fixedRate.Cells()} | {run.ClosedPerSecond:0} | {closed.P99:0.0} | {run.ClosedErrors} |"));
        }

        var byShards = runs.GroupBy(r => r.Shards).OrderBy(g => g.Key).ToList();
        var baseline = byShards.Count == 0 ? 0 : Median(byShards[0].Select(r => r.ClosedPerSecond));
        text.AppendLine().AppendLine("Over the rounds (fixed-rate latencies merged; the maximum is the median of the runs):").AppendLine();
        text.AppendLine("| shards | runs | p50 ms | p99 ms | closed-loop swipes/s | against the fewest shards |").AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var group in byShards)
        {
            var latency = Latency.Of(Latency.Merge(group.Select(r => r.Fixed)));
            var max = Median(group.Select(r => r.ClosedPerSecond));
            text.AppendLine(Invariant($"| {group.Key} | {group.Count()} | {latency.P50:0.0} | {latency.P99:0.0} | {max:0} | {(baseline == 0 ? 0 : max / baseline):0.00} |"));
        }

        text.AppendLine().AppendLine(CrossShardSection).AppendLine();
        text.AppendLine("A like is a pass plus the like-back check, one primary-key lookup on the target's shard: the swiper's own shard, or another "
            + "server. \"My matches\" asks every shard at once (a match lives on its first user's shard). Fixed-rate swipes, merged over the rounds; count in brackets.").AppendLine();
        text.AppendLine("| shards | pass p50 / p99 ms | like, like-back on the own shard | like, on another shard | like − pass, p50 ms | my matches p50 / p99 ms | errors |")
            .AppendLine("|---:|---|---|---|---:|---|---:|");
        foreach (var group in byShards)
        {
            var passes = Latency.Of(Latency.Merge(group.Select(r => r.Passes)));
            var same = Latency.Of(Latency.Merge(group.Select(r => r.LikesSameShard)));
            var other = Latency.Of(Latency.Merge(group.Select(r => r.LikesOtherShard)));
            var likes = Latency.Of(Latency.Merge(group.SelectMany(r => new[] { r.LikesSameShard, r.LikesOtherShard })));
            var reads = Latency.Of(Latency.Merge(group.Select(r => r.MatchReads)));
            text.AppendLine(Invariant($"| {group.Key} | {Pair(passes)} | {Pair(same)} | {Pair(other)} | {likes.P50 - passes.P50:0.00} | {Pair(reads)} | {group.Sum(r => r.MatchReadErrors)} |"));
        }
    }

    private static string Pair(Latency latency) =>
        latency.Count == 0 ? "none" : Invariant($"{latency.P50:0.0} / {latency.P99:0.0} ({latency.Count})");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
