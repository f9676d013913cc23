using Dating.Benchmarks;
using Dating.Benchmarks.Comparison;
using Dating.Benchmarks.Locality;
using Dating.Benchmarks.Reports;
using Dating.Benchmarks.Scenarios;
using Dating.Benchmarks.Scenarios.Chat;
using Dating.Benchmarks.Scenarios.Matching;
using Dating.Benchmarks.Scenarios.Photos;

// dotnet run -c Release --project src/Benchmarks -- <profiles|photos|matching|chat|compare|locality> [--quick] [--topologies microservices,monolith] [--profile] [--scenarios session-max,...]
return await BenchmarkCommandLine.InvokeAsync(args, RunAsync, Console.Out, Console.Error);

static async Task<int> RunAsync(BenchmarkRun run, CancellationToken ct)
{
    var quick = run.Quick;
    string report;
    try
    {
        if (run.Benchmark == BenchmarkCommandLine.Compare)
        {
            var output = await ComparisonCommand.RunAsync(quick, run.Topologies, Path.Combine(ReportFile.RepositoryRoot, "results"), Log, ct, options: run.Compare);
            Console.WriteLine(output.Markdown);
            Log($"report written to {output.ReportFile}");
            return 0;
        }

        report = run.Benchmark switch
        {
            "photos" => await PhotosAsync(quick, ct),
            "matching" => await MatchingAsync(quick, ct),
            "chat" => await ChatAsync(quick, ct),
            "locality" => await LocalityAsync(quick, ct),
            _ => await ProfilesAsync(quick, ct),
        };
    }
    catch (OperationCanceledException) when (ct.IsCancellationRequested)
    {
        Log("cancelled; everything started was stopped");
        return 130;
    }

    Console.WriteLine(report);
    var file = await ReportFile.WriteAsync(run.Benchmark, report, quick);
    Log($"report written to {file}");
    return 0;
}

static void Log(string message) => Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {message}");

static async Task<string> ProfilesAsync(bool quick, CancellationToken ct)
{
    var settings = quick ? BenchmarkSettings.Quick : BenchmarkSettings.Full;
    var results = await new ProfilesBenchmark(settings, Log).RunAsync(ct);
    var header = await ReportFile.HeaderAsync("Profiles through the gateway versus direct", quick,
        $"{settings.Rounds} rounds of {settings.Duration.TotalSeconds:0} s per target, alternating; "
        + $"max = {settings.Clients} closed-loop clients, fixed rate = open model (latency from the intended send time).");
    return ProfilesReport.Render(results, header);
}

static async Task<string> PhotosAsync(bool quick, CancellationToken ct)
{
    var settings = quick ? PhotosSettings.Quick : PhotosSettings.Full;
    var runs = await new PhotosBenchmark(settings, Log).RunAsync(ct);
    var header = await ReportFile.HeaderAsync("Photos: upload throughput and time to ready, 1 versus 2 replicas", quick,
        $"a fresh stack per run, alternating 1 2 ({settings.Rounds} round(s)); throughput: {settings.Users} users × {settings.PhotosPerUser} uploads "
        + $"of one 1600×1200 JPEG by {settings.Clients} closed-loop clients; time to ready: {settings.ReadyRate}/s for "
        + $"{settings.ReadyDuration.TotalSeconds:0} s, each photo polled every {settings.PollInterval.TotalMilliseconds:0} ms (GET /api/photos/{{id}}).");
    return PhotosReport.Render(runs, header);
}

static async Task<string> MatchingAsync(bool quick, CancellationToken ct)
{
    var settings = quick ? MatchingSettings.Quick : MatchingSettings.Full;
    var result = await new MatchingBenchmark(settings, Log).RunAsync(ct);
    var header = await ReportFile.HeaderAsync("Matching: recommendations, swipes and the queue batch", quick,
        $"{settings.SeededUsers:N0} synthetic users seeded with the host's seed verb; {settings.Users} real users registered in Paris; "
        + $"{settings.Clients} closed-loop clients.");
    return MatchingReport.Render(result, header);
}

static async Task<string> ChatAsync(bool quick, CancellationToken ct)
{
    var settings = quick ? ChatSettings.Quick : ChatSettings.Full;
    var runs = await new ChatBenchmark(settings, Log).RunAsync(ct);
    var header = await ReportFile.HeaderAsync("Chat: delivery latency and sustained messages, 1 versus 2 replicas", quick,
        $"a fresh stack per run, alternating 1 2 ({settings.Rounds} round(s)); {settings.Pairs} matched pairs, each user on the hub "
        + $"through the gateway (WebSockets); messages sent with REST POST at {settings.Rate}/s for {settings.Duration.TotalSeconds:0} s (open model), "
        + $"then {settings.Clients} closed-loop senders for {settings.Duration.TotalSeconds:0} s; delivery = from the intended send time to the other user's `message` event.");
    return ChatReport.Render(runs, header);
}

static async Task<string> LocalityAsync(bool quick, CancellationToken ct)
{
    var settings = quick ? LocalitySettings.Quick : LocalitySettings.Full;
    var runs = await new LocalityBenchmark(settings, Log).RunAsync(ct);
    var header = await ReportFile.HeaderAsync("Locality: the card cache hit rate of matching replicas, consistent hashing versus PowerOfTwoChoices",
        quick, LocalityReport.Describe(settings));
    return LocalityReport.Render(runs, header);
}
