using System.Net;
using Dating.EndToEnd.Tests.Client;
using Dating.EndToEnd.Tests.Stacks;
using Dating.Testing;

namespace Dating.EndToEnd.Tests.Specs;

/// <summary>
/// A specification of the public API, run once per topology (the classes in <c>Topologies/</c>). Its people,
/// sessions and hub connections live for one test and are closed after it.
/// </summary>
public abstract class ApiSpec(TopologyStack stack) : IAsyncDisposable
{
    private readonly List<IDisposable> _clients = [];
    private readonly List<IAsyncDisposable> _connections = [];

    protected TopologyStack Stack => stack;

    protected ApiClient Anonymous()
    {
        var client = ApiClient.Anonymous(stack);
        _clients.Add(client);
        return client;
    }

    protected async Task<ApiClient> RegisterAsync(Person person)
    {
        var client = await ApiClient.RegisterAsync(stack, person);
        _clients.Add(client);
        return client;
    }

    protected async Task<ApiClient[]> RegisterAsync(params Person[] people) => await Task.WhenAll(people.Select(person => RegisterAsync(person)));

    protected async Task<ChatConnection> ConnectAsync(ApiClient user, Uri? server = null)
    {
        var connection = await user.ConnectAsync(server);
        _connections.Add(connection);
        return connection;
    }

    /// <summary>Waits until <paramref name="viewer"/>'s recommendations include <paramref name="candidate"/> (profiles reach matching by events); returns the card.</summary>
    protected static async Task<System.Text.Json.JsonElement> CardOfAsync(ApiClient viewer, ApiClient candidate)
    {
        var recommendations = await Eventually.GetAsync(
            () => viewer.GetAsync("/api/matching/recommendations"),
            r => r.Status == HttpStatusCode.OK && r.Body.Ids("userId").Contains(candidate.UserId),
            $"{candidate.Name} in {viewer.Name}'s recommendations");
        return recommendations.Body.Items().Single(c => c.Guid("userId") == candidate.UserId);
    }

    /// <summary>Waits until <paramref name="viewer"/>'s recommendations no longer include <paramref name="candidate"/>.</summary>
    protected static Task LeavesRecommendationsAsync(ApiClient viewer, ApiClient candidate) => Eventually.GetAsync(
        () => viewer.GetAsync("/api/matching/recommendations"),
        r => r.Status == HttpStatusCode.OK && !r.Body.Ids("userId").Contains(candidate.UserId),
        $"{candidate.Name} to leave {viewer.Name}'s recommendations");

    /// <summary>A likes B (once matching knows B), B likes A back: returns their match, once its conversation is open.</summary>
    protected static async Task<Guid> MatchAsync(ApiClient a, ApiClient b)
    {
        var first = await Eventually.GetAsync(
            () => a.PostAsync("/api/matching/swipes", new { targetUserId = b.UserId, decision = "like" }),
            r => r.Status != HttpStatusCode.NotFound, $"matching to know {b.Name}");
        first.ShouldBe(HttpStatusCode.OK).GetProperty("matched").GetBoolean().ShouldBeFalse();
        var second = await Eventually.GetAsync(
            () => b.PostAsync("/api/matching/swipes", new { targetUserId = a.UserId, decision = "like" }),
            r => r.Status != HttpStatusCode.NotFound, $"matching to know {a.Name}");
        var match = second.ShouldBe(HttpStatusCode.OK);
        match.GetProperty("matched").GetBoolean().ShouldBeTrue();
        var matchId = match.Guid("matchId");
        await Eventually.GetAsync(() => a.GetAsync($"/api/chat/conversations/{matchId}/messages"), r => r.Status == HttpStatusCode.OK, "the conversation to open");
        return matchId;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        foreach (var client in _clients)
        {
            client.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
