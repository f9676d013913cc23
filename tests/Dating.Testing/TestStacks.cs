using Dating.Stacks;

namespace Dating.Testing;

/// <summary>The app host as the test suite starts it: quiet services, a gateway that notices replicas within a second.</summary>
public static class TestStacks
{
    private static readonly string LogRoot = Path.Combine(Path.GetTempPath(), "dating-tests", "stacks");

    // Tests wait for the gateway's view of its replicas, so it probes every second; one test client makes many calls.
    private static readonly Dictionary<string, string> TestSettings = new()
    {
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        ["Gateway__HealthCheckInterval"] = "00:00:01",
        ["Gateway__RateLimiting__Enabled"] = "false",
    };

    /// <param name="arguments">The app host's command line, for example <c>--topology monolith</c>; <c>--isolated</c> is added.</param>
    public static Task<AppHostStack> StartAsync(IEnumerable<string> arguments, CancellationToken ct = default) =>
        AppHostStack.StartAsync(new StackStart(arguments, LogRoot, TestLog.Write) { Environment = TestSettings, Timeout = TimeSpan.FromMinutes(8) }, ct);
}
