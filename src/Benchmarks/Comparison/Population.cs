using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Dating.Benchmarks.Api;
using Dating.Benchmarks.Reports;
using Dating.Benchmarks.Scenarios.Chat;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dating.Benchmarks.Comparison;

/// <summary>
/// The users a run loads the system with, set up through the public API the same way in every run: users in Paris
/// (among the seeded users) matched in pairs (2k, 2k+1), each on the chat hub, each with recommended users to swipe on;
/// and isolated pairs for event propagation.
/// </summary>
public sealed class Population : IAsyncDisposable
{
    private const double Latitude = 48.8566, Longitude = 2.3522;
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromSeconds(90);

    private readonly HubConnection[] _connections;

    private Population(IReadOnlyList<BenchmarkUser> users, IReadOnlyList<MatchedPair> pairs, IReadOnlyList<Guid>[] candidates,
        IReadOnlyList<PropagationPair> propagation, DeliveryTracker tracker, HubConnection[] connections)
    {
        Users = users;
        Pairs = pairs;
        Candidates = candidates;
        Propagation = propagation;
        Tracker = tracker;
        _connections = connections;
    }

    public IReadOnlyList<BenchmarkUser> Users { get; }

    public IReadOnlyList<MatchedPair> Pairs { get; }

    /// <summary>Per user: whom to swipe on (recommended seeded users, else the other registered users of the other gender).</summary>
    public IReadOnlyList<Guid>[] Candidates { get; }

    public IReadOnlyList<PropagationPair> Propagation { get; }

    public DeliveryTracker Tracker { get; }

    public BenchmarkUser PartnerOf(int user) => Users[user ^ 1];

    public Guid MatchOf(int user) => Pairs[user / 2].MatchId;

    public static async Task<Population> CreateAsync(GatewayClient api, CompareSettings settings, Action<string> log, CancellationToken ct)
    {
        var setup = Stopwatch.StartNew();
        var count = settings.Users + settings.Users % 2;
        log($"registering {count} users and {settings.PropagationPairs} propagation pairs");
        var users = await api.RegisterManyAsync(count, i => i % 2 == 0
            ? new NewUser("man", ["woman"], Latitude + i % 20 * 0.001, Longitude, 26 + i % 5)
            : new NewUser("woman", ["man"], Latitude + i % 20 * 0.001, Longitude, 26 + i % 5), ct);
        // Far from every seeded city and about 110 km apart, beyond the default 50 km: each pair sees only itself.
        var isolated = await api.RegisterManyAsync(settings.PropagationPairs * 2, i => i % 2 == 0
            ? new NewUser("woman", ["man"], -60 + i / 2, 10)
            : new NewUser("man", ["woman"], -60 + i / 2, 10), ct);

        log(ReportFile.Invariant($"registered in {setup.Elapsed.TotalSeconds:0.0} s; matching the pairs"));
        var pairs = new MatchedPair[count / 2];
        await Parallel.ForAsync(0, pairs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (p, token) => pairs[p] = await ChatSetup.MatchAsync(api, users[2 * p], users[2 * p + 1], token));

        log(ReportFile.Invariant($"matched at {setup.Elapsed.TotalSeconds:0.0} s"));
        var candidates = new IReadOnlyList<Guid>[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
        {
            var recommended = await RecommendedAsync(api, users[i], token) ?? [];
            candidates[i] = recommended.Count > 0
                ? recommended
                : [.. users.Where((u, j) => j % 2 != i % 2 && j != (i ^ 1)).Select(u => u.UserId)];
        });
        log($"swipe targets per user: {candidates.Min(c => c.Count)} to {candidates.Max(c => c.Count)}");

        var propagation = new PropagationPair[settings.PropagationPairs];
        await Parallel.ForAsync(0, propagation.Length, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (p, token) =>
        {
            var (changer, viewer) = (isolated[2 * p], isolated[2 * p + 1]);
            await WaitUntilRecommendedAsync(api, viewer, changer.UserId, token);
            var (status, profile) = await api.SendJsonAsync(HttpMethod.Get, "/api/profiles/me", changer.Token, null, token);
            propagation[p] = status == HttpStatusCode.OK ? new PropagationPair(changer, viewer, profile.Clone())
                : throw new InvalidOperationException($"GET /api/profiles/me: {(int)status}");
        });

        log(ReportFile.Invariant($"propagation pairs ready at {setup.Elapsed.TotalSeconds:0.0} s; connecting every user to the chat hub"));
        var tracker = new DeliveryTracker();
        var connections = await Task.WhenAll(users.Select(u => ChatSetup.ConnectAsync(api.Gateway, u, m => tracker.Received(u.UserId, m), ct)));
        log(ReportFile.Invariant($"population ready in {setup.Elapsed.TotalSeconds:0.0} s"));
        return new Population(users, pairs, candidates, propagation, tracker, connections);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_connections.Select(async c =>
        {
            try
            {
                await c.DisposeAsync();
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException or System.Net.WebSockets.WebSocketException)
            {
                // The connection's server may be gone (the fault experiment kills it).
            }
        }));
    }

    private static async Task<IReadOnlyList<Guid>?> RecommendedAsync(GatewayClient api, BenchmarkUser user, CancellationToken ct)
    {
        var (status, body) = await api.SendJsonAsync(HttpMethod.Get, "/api/matching/recommendations?limit=50", user.Token, null, ct);
        return status == HttpStatusCode.OK ? [.. body.EnumerateArray().Select(c => c.GetProperty("userId").GetGuid())] : null;
    }

    private static async Task WaitUntilRecommendedAsync(GatewayClient api, BenchmarkUser viewer, Guid expected, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (!(await RecommendedAsync(api, viewer, ct) ?? []).Contains(expected))
        {
            if (waited.Elapsed > SetupTimeout)
            {
                throw new TimeoutException($"{expected} never showed in {viewer.UserId}'s recommendations");
            }

            await Task.Delay(100, ct);
        }
    }

    /// <summary>The PUT /api/profiles/me body that keeps <paramref name="profile"/> but sets the bio.</summary>
    public static object WithBio(JsonElement profile, string bio) => new
    {
        displayName = profile.GetProperty("displayName"),
        bio,
        gender = profile.GetProperty("gender"),
        interestedIn = profile.GetProperty("interestedIn"),
        ageRange = profile.GetProperty("ageRange"),
        maxDistanceKm = profile.GetProperty("maxDistanceKm"),
        location = profile.GetProperty("location"),
        interests = profile.GetProperty("interests"),
    };
}
