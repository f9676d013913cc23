using Dating.Gateway.LoadBalancing;
using Dating.Gateway.Routing;
using Yarp.ReverseProxy.LoadBalancing;

namespace Dating.Gateway.Tests.Routing;

/// <summary>The public route table and its clusters, spelled out: what the gateway serves is the contract of API.md.</summary>
public sealed class GatewayRoutesTests
{
    [Fact]
    public void Each_public_prefix_goes_to_its_service()
    {
        var routes = GatewayRoutes.Build(new GatewayOptions { PhotoUploadMaxBodyBytes = 1234 });

        routes.Select(r => $"{r.RouteId} → {r.ClusterId} {string.Join(',', r.Match.Methods ?? [])} {r.Match.Path} {r.AuthorizationPolicy} {r.MaxRequestBodySize}")
            .ShouldBe([
                "auth-register → profiles POST /api/auth/register anonymous ",
                "auth-login → profiles POST /api/auth/login anonymous ",
                "auth → profiles  /api/auth/{**rest} default ",
                "profiles → profiles  /api/profiles/{**rest} default ",
                "photos → photos  /api/photos/{**rest} default 1234",
                "matching → matching  /api/matching/{**rest} default ",
                "chat → chat  /api/chat/{**rest} default ",
                "chat-hub → chat  /hubs/chat/{**rest} default ",
                "profiles-openapi → profiles GET,HEAD /openapi/profiles/v1.json anonymous ",
                "photos-openapi → photos GET,HEAD /openapi/photos/v1.json anonymous ",
                "matching-openapi → matching GET,HEAD /openapi/matching/v1.json anonymous ",
                "chat-openapi → chat GET,HEAD /openapi/chat/v1.json anonymous ",
            ]);
    }

    [Fact]
    public void Each_service_is_a_cluster_and_a_user_stays_on_one_replica_where_it_pays()
    {
        var clusters = ServiceClusters.Build(_ => ServiceDestinations.None, new GatewayOptions());

        clusters.Select(c => $"{c.ClusterId} {c.LoadBalancingPolicy}").ShouldBe([
            $"profiles {LoadBalancingPolicies.PowerOfTwoChoices}",
            $"photos {LoadBalancingPolicies.PowerOfTwoChoices}",
            $"matching {ConsistentHashLoadBalancingPolicy.PolicyName}",
            $"chat {ConsistentHashLoadBalancingPolicy.PolicyName}",
        ]);
    }
}
