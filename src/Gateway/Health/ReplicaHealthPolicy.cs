using System.Runtime.CompilerServices;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Dating.Gateway.Health;

/// <summary>
/// YARP's consecutive-failures policy, except that a destination that has never answered is out at its first
/// failed probe. The app host declares spare replicas that run only once started from the dashboard: until then
/// they would count as healthy (unknown) for a whole threshold of probes, and requests would be sent to a closed
/// port. A replica that has answered before still needs <see cref="Threshold"/> failures in a row, so one slow
/// probe on a busy machine does not move its users. Hand-written: YARP's built-in policies have no such rule.
/// </summary>
public sealed class ReplicaHealthPolicy(IDestinationHealthUpdater healthUpdater) : IActiveHealthCheckPolicy
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
            var health = healthy ? DestinationHealth.Healthy
                : result.Destination.Health.Active == DestinationHealth.Unknown || failures.Count >= Threshold ? DestinationHealth.Unhealthy
                : result.Destination.Health.Active;
            updates.Add(new NewActiveDestinationHealth(result.Destination, health));
        }

        healthUpdater.SetActive(cluster, updates);
    }

    private sealed class Failures
    {
        public int Count { get; set; }
    }
}
