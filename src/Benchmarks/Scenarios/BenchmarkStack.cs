using Dating.AppHost.BackingServices;
using Dating.AppHost.Orchestration;

namespace Dating.Benchmarks.Scenarios;

/// <summary>A distributed stack on the benchmark's own backing services, with every limit that would throttle a load test off.</summary>
public static class BenchmarkStack
{
    public static string LogDirectory { get; } = Path.Combine(Path.GetTempPath(), "dating-benchmarks", "logs");

    public static Task<DistributedStack> StartAsync(
        BackingServiceSet backing, Action<string> log, CancellationToken ct,
        IReadOnlyDictionary<string, int>? replicas = null, IReadOnlyDictionary<string, string?>? environment = null,
        Topology topology = Topology.Microservices, bool restartCrashed = true)
    {
        var variables = new Dictionary<string, string?>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["Gateway__RateLimiting__Enabled"] = "false",
            ["Chat__RateLimit__PermitLimit"] = "100000000",
            ["Profiles__LoginRateLimit__PerEmail"] = "100000000",
            ["Profiles__LoginRateLimit__PerAddress"] = "100000000",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        return DistributedStack.StartAsync(new StackOptions
        {
            Topology = topology,
            RestartCrashed = restartCrashed,
            BackingServices = backing,
            Replicas = replicas ?? new Dictionary<string, int>(),
            LogDirectory = LogDirectory,
            Log = log,
            Environment = variables,
        }, ct);
    }
}
