namespace Dating.Benchmarks.Scenarios;

/// <summary>How long and how hard; <c>--quick</c> runs every scenario in seconds (the test suite uses it).</summary>
public sealed record BenchmarkSettings(TimeSpan Duration, TimeSpan Warmup, int Rounds, int Users, int Clients, double LoginRate, double ReadRate)
{
    public static BenchmarkSettings Full { get; } = new(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(3), 2, 100, 16, 10, 1000);

    public static BenchmarkSettings Quick { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(300), 1, 5, 4, 5, 50);
}
