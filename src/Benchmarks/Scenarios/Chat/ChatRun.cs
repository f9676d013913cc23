using Dating.Benchmarks.Reports;

namespace Dating.Benchmarks.Scenarios.Chat;

/// <summary>
/// One load phase on one stack: <see cref="Post"/> is the REST send's latency, <see cref="Delivery"/> the time from the
/// intended send to the other user's <c>message</c> event; <see cref="Lost"/> messages never arrived.
/// </summary>
public sealed record ChatRun(int Replicas, int Round, string Load, int Sent, int SendErrors, int Lost, double Seconds, Latency Post, Latency Delivery)
{
    public double DeliveredPerSecond => Delivery.Count / Seconds;
}
