using System.Net;
using System.Text.Json;
using Dating.Benchmarks.Api;
using Dating.Benchmarks.Comparison;
using Dating.Benchmarks.Scenarios.Chat;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dating.Benchmarks.Faults;

/// <summary>
/// The users of a fault run, set up through the public API: men and women in one town who all see each other, matched
/// in pairs (2k, 2k+1) to carry messages, each on the chat hub (reconnecting as an app does) with every delivery, drop and
/// reconnection recorded in the history. Everyone else of the other gender is theirs to swipe on, by a rule that makes a third of the pairs
/// mutual likes (new matches while faults happen), a third one-sided and a third passes.
/// </summary>
public sealed class FaultUsers : IAsyncDisposable
{
    private const double Latitude = 45.764, Longitude = 4.8357;

    private readonly HubConnection[] _connections;

    private FaultUsers(IReadOnlyList<BenchmarkUser> users, IReadOnlyList<MatchedPair> pairs, IReadOnlyList<JsonElement> profiles, HubConnection[] connections)
    {
        Users = users;
        Pairs = pairs;
        Profiles = profiles;
        _connections = connections;
    }

    public IReadOnlyList<BenchmarkUser> Users { get; }

    public IReadOnlyList<MatchedPair> Pairs { get; }

    /// <summary>Each user's own profile as registered, the body a bio change sends back with a new bio.</summary>
    public IReadOnlyList<JsonElement> Profiles { get; }

    public BenchmarkUser PartnerOf(int user) => Users[user ^ 1];

    public Guid MatchOf(int user) => Pairs[user / 2].MatchId;

    /// <summary>Whom user <paramref name="i"/> swipes on: everyone of the other gender but their partner.</summary>
    public IReadOnlyList<int> CandidatesOf(int i) => [.. Enumerable.Range(0, Users.Count).Where(j => j % 2 != i % 2 && j != (i ^ 1))];

    /// <summary>What <paramref name="swiper"/> decides on <paramref name="target"/>: always the same, so a repeated swipe agrees with the first.</summary>
    public static bool Likes(int swiper, int target) =>
        (((Math.Min(swiper, target) * 7) + Math.Max(swiper, target)) % 3) switch
        {
            0 => true,
            1 => swiper < target,
            _ => false,
        };

    public static async Task<FaultUsers> CreateAsync(GatewayClient api, int count, FaultHistory history, CancellationToken ct)
    {
        count += count % 2;
        var users = await api.RegisterManyAsync(count, i => i % 2 == 0
            ? new NewUser("man", ["woman"], Latitude + i * 0.0005, Longitude, 25 + i % 10)
            : new NewUser("woman", ["man"], Latitude + i * 0.0005, Longitude, 25 + i % 10), ct);

        var pairs = new MatchedPair[count / 2];
        await Parallel.ForAsync(0, pairs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (p, token) =>
        {
            var pair = await ChatSetup.MatchAsync(api, users[2 * p], users[2 * p + 1], token);
            history.Swiped(new AcknowledgedSwipe(pair.A.UserId, pair.B.UserId, Like: true, MatchId: null));
            history.Swiped(new AcknowledgedSwipe(pair.B.UserId, pair.A.UserId, Like: true, pair.MatchId));
            pairs[p] = pair;
        });

        var profiles = await Task.WhenAll(users.Select(async u =>
        {
            var (status, profile) = await api.SendJsonAsync(HttpMethod.Get, "/api/profiles/me", u.Token, null, ct);
            return status == HttpStatusCode.OK ? profile.Clone() : throw new InvalidOperationException($"GET /api/profiles/me: {(int)status}");
        }));

        var connections = await Task.WhenAll(users.Select(async u =>
        {
            var connection = await ChatSetup.ConnectAsync(api.Gateway, u, m => history.Delivered(u.UserId, m.MessageId), ct, reconnect: true);
            connection.Reconnecting += _ =>
            {
                history.Disconnected(u.UserId, DateTimeOffset.UtcNow);
                return Task.CompletedTask;
            };
            connection.Reconnected += _ =>
            {
                history.Reconnected(u.UserId, DateTimeOffset.UtcNow);
                return Task.CompletedTask;
            };
            connection.Closed += _ =>
            {
                history.Disconnected(u.UserId, DateTimeOffset.UtcNow);
                return Task.CompletedTask;
            };
            return connection;
        }));
        return new FaultUsers(users, pairs, profiles, connections);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            try
            {
                await connection.DisposeAsync();
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException or System.Net.WebSockets.WebSocketException)
            {
                // Its server may be gone: the run kills servers.
            }
        }
    }
}
