using System.Security.Claims;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace Dating.Gateway.LoadBalancing;

// Consistent hashing on the user: a user lands on the same replica for as long as it is available,
// and adding a replica moves only about 1/N of users. Rendezvous (highest random weight) hashing:
// each destination scores hash(user, destination) and the highest score wins.
public sealed class UserAffinityLoadBalancingPolicy : ILoadBalancingPolicy
{
    public const string PolicyName = "UserAffinity";

    public string Name => PolicyName;

    public DestinationState? PickDestination(HttpContext context, ClusterState cluster, IReadOnlyList<DestinationState> availableDestinations)
    {
        if (availableDestinations.Count <= 1)
        {
            return availableDestinations.Count == 0 ? null : availableDestinations[0];
        }

        var key = AffinityKeyOf(context);
        DestinationState? best = null;
        var bestScore = 0UL;
        foreach (var destination in availableDestinations)
        {
            var score = StableHash.Of(key, destination.DestinationId);
            if (best is null || score > bestScore)
            {
                (best, bestScore) = (destination, score);
            }
        }

        return best;
    }

    // The authenticated user, else the session token itself (same user, same token), else the client address.
    private static string AffinityKeyOf(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? NonEmpty(context.Request.Headers.Authorization.ToString())
        ?? NonEmpty(context.Request.Query["access_token"].ToString())
        ?? context.Connection.RemoteIpAddress?.ToString()
        ?? string.Empty;

    private static string? NonEmpty(string value) => value.Length == 0 ? null : value;
}
