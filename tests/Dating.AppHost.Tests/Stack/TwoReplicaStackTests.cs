using Dating.AppHost.Orchestration;
using Dating.Testing;

namespace Dating.AppHost.Tests.Stack;

/// <summary>One stack with two Profiles replicas, shared by read-only tests.</summary>
public sealed class TwoReplicaStack(BackingServicesFixture backing) : IAsyncLifetime
{
    public DistributedStack Stack { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Stack = await TestStacks.StartAsync(backing, new Dictionary<string, int> { ["profiles"] = 2 });

    public async ValueTask DisposeAsync() => await Stack.StopAsync();
}

public sealed class TwoReplicaStackTests(TwoReplicaStack fixture) : IClassFixture<TwoReplicaStack>
{
    private readonly HttpClient _client = new() { BaseAddress = fixture.Stack.PublicUrl };

    [Fact]
    public async Task The_gateway_serves_health_and_every_service_is_healthy_behind_it()
    {
        var response = await _client.GetAsync("/health", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        fixture.Stack.Replicas.Select(r => r.State).ShouldAllBe(s => s == ReplicaState.Running);
        string[] services = [.. ServiceCatalog.Microservices.Select(s => $"{s.Name}-0"), "profiles-1", "gateway-0"];
        fixture.Stack.Resources().Select(r => r.Name).ShouldBe(
            ["postgres", "redis", "azurite", "rabbitmq", "rabbitmq-ui", .. services], ignoreOrder: true);
    }

    [Fact]
    public async Task The_gateway_spreads_requests_across_both_replicas()
    {
        var user = await TestUsers.RegisterAsync(_client, ct: TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = fixture.Stack.PublicUrl }.WithToken(user.Token);
        var servedBy = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            using var response = await client.GetAsync("/api/auth/session", TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            servedBy.Add(Served.By(response));
        }

        var counts = servedBy.CountBy(s => s).ToDictionary();
        counts.Keys.ShouldBe(["profiles-0", "profiles-1"], ignoreOrder: true);
        counts.Values.ShouldAllBe(c => c >= 5, $"both replicas should get a fair share: {string.Join(", ", counts)}");
    }

    [Fact]
    public async Task A_request_id_sent_by_the_client_comes_back_through_the_gateway()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/profiles/me");
        request.Headers.Add("X-Request-Id", "test-request-42");
        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        response.Headers.GetValues("X-Request-Id").ShouldBe(["test-request-42"]);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }
}
