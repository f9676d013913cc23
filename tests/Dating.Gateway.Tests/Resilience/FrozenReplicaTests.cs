using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Dating.Gateway.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;

namespace Dating.Gateway.Tests.Resilience;

// The gateway's real YARP pipeline in process, in front of two profiles replicas taken in turn: one that answers and
// one frozen as by SIGSTOP. The frozen one is a listening socket that is never read: the kernel still completes the
// connections, so the gateway's requests are sent and then meet silence, as with a stopped process.
public sealed class FrozenReplicaTests
{
    private static readonly TimeSpan ReplicaTimeout = TimeSpan.FromMilliseconds(500);

    [Theory]
    [MemberData(nameof(TestReplica.Endpoints), MemberType = typeof(TestReplica))]
    public async Task A_read_a_frozen_replica_leaves_unanswered_is_answered_by_another_replica(string endpoint)
    {
        using var frozen = FrozenReplica();
        await using var live = await StartLiveReplicaAsync(endpoint);
        await using var gateway = await StartGatewayAsync(frozen, live, endpoint);
        using var client = gateway.GetTestClient();
        using var bound = Bound();

        // Taken in turn, two reads meet the frozen replica once.
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync("/openapi/profiles/v1.json", bound.Token);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe($"live over {TestReplica.ProtocolOf(endpoint)}");
        }
    }

    [Theory]
    [MemberData(nameof(TestReplica.Endpoints), MemberType = typeof(TestReplica))]
    public async Task A_write_to_a_frozen_replica_gets_a_504_problem_and_after_a_few_the_replica_is_taken_out(string endpoint)
    {
        using var frozen = FrozenReplica();
        await using var live = await StartLiveReplicaAsync(endpoint);
        await using var gateway = await StartGatewayAsync(frozen, live, endpoint);
        using var client = gateway.GetTestClient();
        using var bound = Bound();
        var statuses = new List<HttpStatusCode>();

        // Writes are not retried: whether the frozen replica will act on one once it thaws is unknown.
        while (statuses.Count < 20 && !EndsWithLiveAnswers(statuses, 4))
        {
            using var response = await client.PostAsync("/api/auth/login", null, bound.Token);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.GatewayTimeout)
            {
                var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken);
                problem!.Detail.ShouldBe("The profiles service did not answer in time.");
            }
        }

        statuses.ShouldContain(HttpStatusCode.GatewayTimeout);
        statuses.Count(status => status == HttpStatusCode.GatewayTimeout).ShouldBeLessThanOrEqualTo(3, string.Join(", ", statuses));
        EndsWithLiveAnswers(statuses, 4).ShouldBeTrue(string.Join(", ", statuses));
    }

    private static bool EndsWithLiveAnswers(List<HttpStatusCode> statuses, int count) =>
        statuses.Count >= count && statuses[^count..].All(status => status == HttpStatusCode.OK);

    // Without the replica timeout YARP would wait 100 s: a test that would hang fails at this bound instead.
    private static CancellationTokenSource Bound()
    {
        var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(30));
        return bound;
    }

    private static TcpListener FrozenReplica()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(backlog: 64);
        return listener;
    }

    private static async Task<WebApplication> StartLiveReplicaAsync(string endpoint)
    {
        var app = TestReplica.CreateBuilder(endpoint).Build();
        app.MapGet("/openapi/v1.json", (HttpRequest request) => $"live over {request.Protocol}");
        app.MapPost("/api/auth/login", () => Results.Ok());
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static Task<WebApplication> StartGatewayAsync(TcpListener frozen, WebApplication live, string endpoint) =>
        ProxyGateway.StartAsync(new Dictionary<string, string?>
        {
            [$"services:profiles:{endpoint}:0"] = $"http://127.0.0.1:{((IPEndPoint)frozen.LocalEndpoint).Port}",
            [$"services:profiles:{endpoint}:1"] = live.Urls.Single(),
            [$"{GatewayOptions.SectionName}:{nameof(GatewayOptions.ReplicaTimeout)}"] = ReplicaTimeout.ToString(),
            [$"{GatewayOptions.SectionName}:LoadBalancing:profiles"] = "RoundRobin",
            // Only the passive check is under test: the active probe of the frozen replica must not end first.
            [$"{GatewayOptions.SectionName}:{nameof(GatewayOptions.HealthCheckTimeout)}"] = "00:10:00",
        });
}
