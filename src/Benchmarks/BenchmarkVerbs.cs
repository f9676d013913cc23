using Dating.Benchmarks.Comparison;
using Dating.Benchmarks.Faults;
using Dating.Benchmarks.Locality;
using Dating.Benchmarks.Reports;
using Dating.Benchmarks.Scenarios;
using Dating.Benchmarks.Scenarios.Chat;
using Dating.Benchmarks.Scenarios.Matching;
using Dating.Benchmarks.Scenarios.Photos;
using Dating.Benchmarks.Sharding;

namespace Dating.Benchmarks;

/// <summary>A benchmark: what it measures, and its run, which returns its Markdown report and the file that holds it.</summary>
public sealed record BenchmarkVerb(string Description, Func<BenchmarkRun, Action<string>, CancellationToken, Task<(string Markdown, string File)>> RunAsync);

/// <summary>The tool's verbs, each with its run: the command line offers them in this order.</summary>
public static class BenchmarkVerbs
{
    public const string Compare = "compare";
    public const string Faults = "faults";

    public const string Matching = "matching";

    public const string Profiles = "profiles";

    public static IReadOnlyDictionary<string, BenchmarkVerb> All { get; } = new Dictionary<string, BenchmarkVerb>
    {
        [Profiles] = new("login and cached profile reads: gateway versus direct", ProfilesAsync),
        ["photos"] = new("uploads and processing, 1 versus 2 photos replicas", Reported(PhotosAsync)),
        [Matching] = new("recommendations and swipes at 100,000 users, the queue batch", MatchingAsync),
        ["chat"] = new("message delivery to WebSockets, 1 versus 2 chat replicas", Reported(ChatAsync)),
        [Compare] = new("monolith versus microservices", CompareAsync),
        ["locality"] = new("matching's card cache: ConsistentHash versus PowerOfTwoChoices", Reported(LocalityAsync)),
        ["sharding"] = new("matching's swipe shards: 4 → 5 online at 2,000,000 swipes, swipes on 1, 2 and 4 shards", Reported(ShardingAsync)),
        [Faults] = new("kill -9 of the broker, Redis, PostgreSQL and replicas under load, then the end-to-end invariants", FaultsAsync),
    };

    // A report of one Markdown file under results/, named for the verb.
    private static Func<BenchmarkRun, Action<string>, CancellationToken, Task<(string Markdown, string File)>> Reported(
        Func<bool, Action<string>, CancellationToken, Task<string>> render) =>
        async (run, log, ct) =>
        {
            var markdown = await render(run.Quick, log, ct);
            return (markdown, await ReportFile.WriteAsync(run.Benchmark, markdown, run.Quick));
        };

    // Its own folder under results/, with the charts beside the report.
    private static async Task<(string Markdown, string File)> CompareAsync(BenchmarkRun run, Action<string> log, CancellationToken ct)
    {
        var output = await ComparisonCommand.RunAsync(run.Quick, run.Topologies, Path.Combine(ReportFile.RepositoryRoot, "results"), log, ct, options: run.Compare);
        return (output.Markdown, output.ReportFile);
    }

    private static async Task<(string Markdown, string File)> ProfilesAsync(BenchmarkRun run, Action<string> log, CancellationToken ct)
    {
        var settings = run.Quick ? BenchmarkSettings.Quick : BenchmarkSettings.Full;
        var variants = run.Compare.AllVariants;
        var results = await new ProfilesBenchmark(settings, log, variants).RunAsync(ct);
        var header = await ReportFile.HeaderAsync("Profiles through the gateway versus direct", run.Quick,
            $"{settings.Rounds} rounds of {settings.Duration.TotalSeconds:0} s per target, alternating; "
            + $"max = {settings.Clients} closed-loop clients, fixed rate = open model (latency from the intended send time)."
            + string.Concat(variants.Select(v => $" Beside the gateway as it ships, the gateway of a stack with {v.Describe()} (--variant).")));
        var markdown = ProfilesReport.Render(results, header);
        return (markdown, await ReportFile.WriteAsync(run.Benchmark, markdown, run.Quick));
    }

    private static async Task<string> PhotosAsync(bool quick, Action<string> log, CancellationToken ct)
    {
        var settings = quick ? PhotosSettings.Quick : PhotosSettings.Full;
        var runs = await new PhotosBenchmark(settings, log).RunAsync(ct);
        var header = await ReportFile.HeaderAsync("Photos: upload throughput and time to ready, 1 versus 2 replicas", quick,
            $"a fresh stack per run, alternating 1 2 ({settings.Rounds} round(s)); throughput: {settings.Users} users × {settings.PhotosPerUser} uploads "
            + $"of one 1600×1200 JPEG by {settings.Clients} closed-loop clients; time to ready: {settings.ReadyRate}/s for "
            + $"{settings.ReadyDuration.TotalSeconds:0} s, each photo polled every {settings.PollInterval.TotalMilliseconds:0} ms (GET /api/photos/{{id}}).");
        return PhotosReport.Render(runs, header);
    }

    private static async Task<(string Markdown, string File)> MatchingAsync(BenchmarkRun run, Action<string> log, CancellationToken ct)
    {
        var settings = run.Quick ? MatchingSettings.Quick : MatchingSettings.Full;
        settings = run.HighAvailability ? settings.WithHighAvailability() : settings;
        var result = await new MatchingBenchmark(settings, log).RunAsync(ct);
        var header = await ReportFile.HeaderAsync("Matching: recommendations, swipes and the queue batch", run.Quick,
            $"{settings.SeededUsers:N0} synthetic users seeded with the host's seed verb; {settings.Users} real users registered in Paris; "
            + $"{settings.Clients} closed-loop clients" + (settings.HighAvailability
                ? ReportFile.Invariant($"; the stack under --ha; batches of {settings.BatchUsers:N0} active users every {settings.BatchInterval.TotalSeconds:0} s.")
                : "."));
        var markdown = MatchingReport.Render(result, header);
        return (markdown, await ReportFile.WriteAsync(run.Benchmark, markdown, run.Quick));
    }

    private static async Task<string> ChatAsync(bool quick, Action<string> log, CancellationToken ct)
    {
        var settings = quick ? ChatSettings.Quick : ChatSettings.Full;
        var runs = await new ChatBenchmark(settings, log).RunAsync(ct);
        var header = await ReportFile.HeaderAsync("Chat: delivery latency and sustained messages, 1 versus 2 replicas", quick,
            $"a fresh stack per run, alternating 1 2 ({settings.Rounds} round(s)); {settings.Pairs} matched pairs, each user on the hub "
            + $"through the gateway (WebSockets); messages sent with REST POST at {settings.Rate}/s for {settings.Duration.TotalSeconds:0} s (open model), "
            + $"then {settings.Clients} closed-loop senders for {settings.Duration.TotalSeconds:0} s; delivery = from the intended send time to the other user's `message` event.");
        return ChatReport.Render(runs, header);
    }

    private static async Task<string> LocalityAsync(bool quick, Action<string> log, CancellationToken ct)
    {
        var settings = quick ? LocalitySettings.Quick : LocalitySettings.Full;
        var runs = await new LocalityBenchmark(settings, log).RunAsync(ct);
        var header = await ReportFile.HeaderAsync("Locality: the card cache hit rate of matching replicas, consistent hashing versus PowerOfTwoChoices",
            quick, LocalityReport.Describe(settings));
        return LocalityReport.Render(runs, header);
    }

    private static async Task<string> ShardingAsync(bool quick, Action<string> log, CancellationToken ct)
    {
        var settings = quick ? ShardingSettings.Quick : ShardingSettings.Full;
        var result = await new ShardingBenchmark(settings, log).RunAsync(ct);
        var header = await ReportFile.HeaderAsync("Sharding: a shard added online under load, and swipes per shard count", quick, ShardingReport.Describe(settings));
        return ShardingReport.Render(result, header);
    }

    // One stack per topology, one report: the microservices' faults, then the monolith's.
    private static async Task<(string Markdown, string File)> FaultsAsync(BenchmarkRun run, Action<string> log, CancellationToken ct)
    {
        var sections = new List<string>();
        foreach (var topology in run.Topologies)
        {
            var settings = FaultSettings.For(topology, run.Quick, run.HighAvailability);
            var results = await new FaultBenchmark(settings, log).RunAsync(ct);
            var described = ReportFile.Invariant($"one {topology.ToString().ToLowerInvariant()} stack{(settings.HighAvailability ? " under --ha" : "")} ({string.Join(", ", settings.Replicas.Select(r => $"{r.Key} ×{r.Value}"))}); ")
                + ReportFile.Invariant($"{settings.Users} users matched in pairs, visiting at {settings.VisitsPerSecond}/s; each fault {settings.Before.TotalSeconds:0} s into the load, ")
                + ReportFile.Invariant($"its resource down {settings.Down.TotalSeconds:0} s unless its name says otherwise, watched {settings.After.TotalSeconds:0} s after.");
            sections.Add(FaultReport.Render(results, $"## {topology}\n\n{described}\n"));
        }

        var header = await ReportFile.HeaderAsync("Faults under load: what failed, how fast it recovered, and whether anything acknowledged was lost or doubled", run.Quick,
            "a visit = a swipe, a message to their match, their match list, every fourth a new bio (open model); after each fault the load stops and "
            + "the invariants are checked over the whole history until they hold.");
        var markdown = header.TrimEnd() + "\n\n" + string.Join("\n", sections);
        return (markdown, await ReportFile.WriteAsync(run.Benchmark, markdown, run.Quick));
    }
}
