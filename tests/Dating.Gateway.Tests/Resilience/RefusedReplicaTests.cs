using System.Net;
using System.Net.Http.Json;
using Dating.Gateway.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Health;

namespace Dating.Gateway.Tests.Resilience;

// The gateway's real YARP pipeline in process, in front of two profiles replicas taken in turn. Both answer the
// gateway's first health probe; then one stops, as a killed replica does: its port refuses connections, and the
// health checks have not noticed yet (the next active probe is minutes away, the passive check needs failures).
public sealed class RefusedReplicaTests
{
    [Theory]
    [MemberData(nameof(TestReplica.Endpoints), MemberType = typeof(TestReplica))]
    public async Task A_write_to_a_replica_that_refuses_the_connection_is_sent_to_another_replica_once(string endpoint)
    {
        await using var gone = await StartReplicaAsync("gone", endpoint);
        await using var live = await StartReplicaAsync("live", endpoint);
        await using var gateway = await StartGatewayAsync(gone, live, endpoint);
        await WaitUntilProbedAsync(gateway);
        await gone.StopAsync(TestContext.Current.CancellationToken);
        using var client = gateway.GetTestClient();

        // Taken in turn, every other write meets the stopped replica: each must reach the live one, with its body.
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = $"user{i}@example.com" }, TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"write {i}");
            (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe($"live over {TestReplica.ProtocolOf(endpoint)}: {{\"email\":\"user{i}@example.com\"}}");
        }

        live.Services.GetRequiredService<Deliveries>().Count.ShouldBe(6);
    }

    // Counts the writes a replica acted on: a retried write must arrive once.
    private sealed class Deliveries
    {
        private int _count;

        public int Count => _count;

        public void Add() => Interlocked.Increment(ref _count);
    }

    private static async Task<WebApplication> StartReplicaAsync(string name, string endpoint)
    {
        var builder = TestReplica.CreateBuilder(endpoint);
        builder.Services.AddSingleton<Deliveries>();
        var app = builder.Build();
        app.MapGet("/health", () => "Healthy");
        app.MapPost("/api/auth/login", async (HttpRequest request, Deliveries deliveries) =>
        {
            deliveries.Add();
            using var reader = new StreamReader(request.Body);
            return $"{name} over {request.Protocol}: {await reader.ReadToEndAsync()}";
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static Task<WebApplication> StartGatewayAsync(WebApplication first, WebApplication second, string endpoint) =>
        ProxyGateway.StartAsync(new Dictionary<string, string?>
        {
            [$"services:profiles:{endpoint}:0"] = first.Urls.Single(),
            [$"services:profiles:{endpoint}:1"] = second.Urls.Single(),
            [$"{GatewayOptions.SectionName}:LoadBalancing:profiles"] = "RoundRobin",
            // The first probe sees both replicas up; the next is too far away to take the stopped one out.
            [$"{GatewayOptions.SectionName}:{nameof(GatewayOptions.HealthCheckInterval)}"] = "00:10:00",
        });

    private static async Task WaitUntilProbedAsync(WebApplication gateway)
    {
        var monitor = gateway.Services.GetRequiredService<IActiveHealthCheckMonitor>();
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(30));
        while (!monitor.InitialProbeCompleted)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), bound.Token);
        }
    }
}
