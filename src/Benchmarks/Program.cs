using Dating.AppHost.Options;
using Dating.Benchmarks.Comparison;
using Dating.Benchmarks.Locality;
using Dating.Benchmarks.Reports;
using Dating.Benchmarks.Scenarios;
using Dating.Benchmarks.Scenarios.Chat;
using Dating.Benchmarks.Scenarios.Matching;
using Dating.Benchmarks.Scenarios.Photos;

// dotnet run -c Release --project src/Benchmarks -- <profiles|photos|matching|chat|compare|locality> [--quick] [--topologies microservices,monolith] [--profile] [--scenarios session-max,...]
string[] commands = ["profiles", "photos", "matching", "chat", "compare", "locality"];
var topologies = new List<Topology> { Topology.Microservices, Topology.Monolith };
var compareOptions = CompareOptions.Default;
var valid = args.Length > 0 && commands.Contains(args[0]);
for (var i = 1; valid && i < args.Length; i++)
{
    if (args[i] == "--topologies" && args[0] == "compare" && i + 1 < args.Length)
    {
        topologies.Clear();
        foreach (var name in args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            valid &= Enum.TryParse<Topology>(name, ignoreCase: true, out var topology) && !topologies.Contains(topology);
            topologies.Add(topology);
        }

        valid &= topologies.Count > 0;
    }
    else if (args[i] == "--profile" && args[0] == "compare")
    {
        compareOptions = compareOptions with { Profile = true };
    }
    else if (args[i] == "--scenarios" && args[0] == "compare" && i + 1 < args.Length)
    {
        compareOptions = compareOptions with { Scenarios = CompareOptions.ParseScenarios(args[++i]) };
        valid &= compareOptions.Scenarios is not null;
    }
    else
    {
        valid &= args[i] == "--quick";
    }
}

if (!valid)
{
    Console.Error.WriteLine($"Usage: dotnet run -c Release --project src/Benchmarks -- <{string.Join('|', commands)}> [--quick]"
        + " [--topologies microservices,monolith (compare only; default both)]"
        + " [--profile (compare only: EventPipe CPU profile of every process, an extra pass)]"
        + $" [--scenarios {string.Join(',', CompareOptions.Keys.Keys)} (compare only; default all)]");
    return 2;
}

var command = args[0];
var quick = args.Contains("--quick");
void Log(string message) => Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {message}");

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

string report;
try
{
    if (command == "compare")
    {
        var output = await ComparisonCommand.RunAsync(quick, topologies, Path.Combine(ReportFile.RepositoryRoot, "results"), Log, cancel.Token, options: compareOptions);
        Console.WriteLine(output.Markdown);
        Log($"report written to {output.ReportFile}");
        return 0;
    }

    report = command switch
    {
        "photos" => await PhotosAsync(),
        "matching" => await MatchingAsync(),
        "chat" => await ChatAsync(),
        "locality" => await LocalityAsync(),
        _ => await ProfilesAsync(),
    };
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Log("cancelled; everything started was stopped");
    return 130;
}

Console.WriteLine(report);
var file = await ReportFile.WriteAsync(command, report, quick);
Log($"report written to {file}");
return 0;

async Task<string> ProfilesAsync()
{
    var settings = quick ? BenchmarkSettings.Quick : BenchmarkSettings.Full;
    var results = await new ProfilesBenchmark(settings, Log).RunAsync(cancel.Token);
    var header = await ReportFile.HeaderAsync("Profiles through the gateway versus direct", quick,
        $"{settings.Rounds} rounds of {settings.Duration.TotalSeconds:0} s per target, alternating; "
        + $"max = {settings.Clients} closed-loop clients, fixed rate = open model (latency from the intended send time).");
    return ProfilesReport.Render(results, header);
}

async Task<string> PhotosAsync()
{
    var settings = quick ? PhotosSettings.Quick : PhotosSettings.Full;
    var runs = await new PhotosBenchmark(settings, Log).RunAsync(cancel.Token);
    var header = await ReportFile.HeaderAsync("Photos: upload throughput and time to ready, 1 versus 2 replicas", quick,
        $"a fresh stack per run, alternating 1 2 ({settings.Rounds} round(s)); throughput: {settings.Users} users × {settings.PhotosPerUser} uploads "
        + $"of one 1600×1200 JPEG by {settings.Clients} closed-loop clients; time to ready: {settings.ReadyRate}/s for "
        + $"{settings.ReadyDuration.TotalSeconds:0} s, each photo polled every {settings.PollInterval.TotalMilliseconds:0} ms (GET /api/photos/{{id}}).");
    return PhotosReport.Render(runs, header);
}

async Task<string> MatchingAsync()
{
    var settings = quick ? MatchingSettings.Quick : MatchingSettings.Full;
    var result = await new MatchingBenchmark(settings, Log).RunAsync(cancel.Token);
    var header = await ReportFile.HeaderAsync("Matching: recommendations, swipes and the queue batch", quick,
        $"{settings.SeededUsers:N0} synthetic users seeded with the host's seed verb; {settings.Users} real users registered in Paris; "
        + $"{settings.Clients} closed-loop clients.");
    return MatchingReport.Render(result, header);
}

async Task<string> ChatAsync()
{
    var settings = quick ? ChatSettings.Quick : ChatSettings.Full;
    var runs = await new ChatBenchmark(settings, Log).RunAsync(cancel.Token);
    var header = await ReportFile.HeaderAsync("Chat: delivery latency and sustained messages, 1 versus 2 replicas", quick,
        $"a fresh stack per run, alternating 1 2 ({settings.Rounds} round(s)); {settings.Pairs} matched pairs, each user on the hub "
        + $"through the gateway (WebSockets); messages sent with REST POST at {settings.Rate}/s for {settings.Duration.TotalSeconds:0} s (open model), "
        + $"then {settings.Clients} closed-loop senders for {settings.Duration.TotalSeconds:0} s; delivery = from the intended send time to the other user's `message` event.");
    return ChatReport.Render(runs, header);
}

async Task<string> LocalityAsync()
{
    var settings = quick ? LocalitySettings.Quick : LocalitySettings.Full;
    var runs = await new LocalityBenchmark(settings, Log).RunAsync(cancel.Token);
    var header = await ReportFile.HeaderAsync("Locality: the card cache hit rate of matching replicas, consistent hashing versus PowerOfTwoChoices",
        quick, LocalityReport.Describe(settings));
    return LocalityReport.Render(runs, header);
}
