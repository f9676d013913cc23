using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Dating.Gateway.Health;

/// <summary>
/// YARP's consecutive-failures policy, except that a destination that has never answered is out at its first
/// failed probe. The app host declares spare replicas that run only once started from the dashboard: until then
/// they would count as healthy (unknown) for a whole threshold of probes, and requests would be sent to a closed
/// port. A replica that has answered before still needs <see cref="Threshold"/> failures in a row, so one slow
/// probe on a busy machine does not move its users. Hand-written: YARP's built-in policies have no such rule.
/// It logs each change of a replica's state once (out of rotation, back in), where YARP logs every failed probe with
/// its stack trace (a spare nobody started, every 5 s; the gateway's appsettings.json turns that log down).
/// </summary>
public sealed partial class ReplicaHealthPolicy(IDestinationHealthUpdater healthUpdater, ILogger<ReplicaHealthPolicy> logger) : IActiveHealthCheckPolicy
{
    public const string PolicyName = "ReplicaHealth";

    public const int Threshold = 2;

    private readonly ConditionalWeakTable<DestinationState, Failures> _failures = [];

    public string Name => PolicyName;

    public void ProbingCompleted(ClusterState cluster, IReadOnlyList<DestinationProbingResult> probingResults)
    {
        var updates = new List<NewActiveDestinationHealth>(probingResults.Count);
        foreach (var result in probingResults)
        {
            var failures = _failures.GetOrCreateValue(result.Destination);
            var healthy = result.Exception is null && result.Response is { IsSuccessStatusCode: true };
            failures.Count = healthy ? 0 : failures.Count + 1;
            var previous = result.Destination.Health.Active;
            var health = healthy ? DestinationHealth.Healthy
                : previous == DestinationHealth.Unknown || failures.Count >= Threshold ? DestinationHealth.Unhealthy
                : previous;
            Log(cluster, result, previous, health, failures.Count);
            updates.Add(new NewActiveDestinationHealth(result.Destination, health));
        }

        healthUpdater.SetActive(cluster, updates);
    }

    private void Log(ClusterState cluster, DestinationProbingResult result, DestinationHealth previous, DestinationHealth health, int failures)
    {
        if (health == previous)
        {
            return;
        }

        var destination = result.Destination.DestinationId;
        switch (previous, health)
        {
            case (DestinationHealth.Unknown, DestinationHealth.Unhealthy):
                NeverAnswered(destination, cluster.ClusterId, Reason(result));
                break;
            case (_, DestinationHealth.Unhealthy):
                OutOfRotation(destination, cluster.ClusterId, failures, Reason(result));
                break;
            case (DestinationHealth.Unhealthy, DestinationHealth.Healthy):
                BackInRotation(destination, cluster.ClusterId);
                break;
        }
    }

    // One line: the exception's message without its stack, or the status the replica answered with.
    private static string Reason(DestinationProbingResult result) =>
        result.Exception?.Message ?? $"HTTP {(int?)result.Response?.StatusCode}";

    [LoggerMessage(Level = LogLevel.Information, Message = "{Destination} of {Cluster} has not answered its health probe yet ({Reason}): out of rotation until it does (a spare replica nobody started, or one still starting)")]
    private partial void NeverAnswered(string destination, string cluster, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Destination} of {Cluster} is out of rotation after {Failures} failed health probes in a row ({Reason})")]
    private partial void OutOfRotation(string destination, string cluster, int failures, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Destination} of {Cluster} answers its health probe: in rotation")]
    private partial void BackInRotation(string destination, string cluster);

    private sealed class Failures
    {
        public int Count { get; set; }
    }
}
