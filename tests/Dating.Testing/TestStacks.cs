using Dating.AppHost.Orchestration;

namespace Dating.Testing;

/// <summary>Starts whole stacks (microservices behind the gateway, or the monolith) on the shared backing services.</summary>
public static class TestStacks
{
    public static Task<DistributedStack> StartAsync(
        BackingServicesFixture backing,
        IReadOnlyDictionary<string, int>? replicas = null,
        bool restartCrashed = false,
        CancellationToken ct = default,
        Topology topology = Topology.Microservices)
    {
        var logs = Path.Combine(Path.GetTempPath(), "dating-tests", "stacks", $"{DateTime.UtcNow:HHmmss}-{Guid.NewGuid():N}"[..15]);
        TestLog.Write($"stack logs in {logs}");
        return DistributedStack.StartAsync(
            new StackOptions
            {
                Topology = topology,
                BackingServices = backing.Services,
                Replicas = replicas ?? new Dictionary<string, int>(),
                RestartCrashed = restartCrashed,
                LogDirectory = logs,
                Log = TestLog.Write,
                Environment = new Dictionary<string, string?>
                {
                    ["Logging__LogLevel__Default"] = "Warning",
                    ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
                    // Notice dead replicas quickly; tests wait for it.
                    ["Gateway__HealthCheckInterval"] = "00:00:01",
                    ["Gateway__RateLimiting__Enabled"] = "false",
                },
            },
            ct);
    }
}
