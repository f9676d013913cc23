using Yarp.ReverseProxy.Model;

namespace Dating.Gateway.Tests.LoadBalancing;

internal static class Clusters
{
    public static DestinationState[] Destinations(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new DestinationState($"matching/http/{i}"))];

    /// <summary>A cluster as YARP hands it to a policy: all its destinations, some of them available.</summary>
    public static ClusterState With(IReadOnlyList<DestinationState> all, IReadOnlyList<DestinationState>? available = null)
    {
        var cluster = new ClusterState("matching");
        foreach (var destination in all)
        {
            cluster.Destinations[destination.DestinationId] = destination;
        }

        cluster.DestinationsState = new ClusterDestinationsState(all, available ?? all);
        return cluster;
    }
}
