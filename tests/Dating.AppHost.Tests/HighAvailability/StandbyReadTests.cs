using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dating.Benchmarks.Api;
using Dating.Testing;
using Npgsql;

namespace Dating.AppHost.Tests.HighAvailability;

/// <summary>
/// The lag-tolerant reads (a public profile, the recommendation scan, an older chat page) go to the standby, and with the
/// standby's replay paused, every write is still read back at once: the reads of its key move to the primary.
/// </summary>
[Collection(HighAvailabilityStack.Collection)]
public sealed class StandbyReadTests(HighAvailabilityStack fixture)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    // How long a read counted in a module may take to show on its /metrics.
    private static readonly TimeSpan MetricsCache = TimeSpan.FromSeconds(2);

    // Each attempt of the paused block step blocks a man of its own.
    private const int BlockAttempts = 4;

    private const double Latitude = 45.764, Longitude = 4.8357; // Lyon: nobody else of the collection's tests is there

    [Fact]
    public async Task Reads_go_to_the_standby_and_while_its_replay_is_paused_each_write_is_still_read_back_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = GatewayClient.CreateHttpClient();
        var api = new GatewayClient(http, fixture.Stack.PublicUrl);
        var standby = await Eventually.GetAsync<string?>(() => fixture.Patroni.SyncStandbyAsync(), node => node is not null, "a synchronous standby streaming", Limit);

        var her = await api.RegisterAsync(new NewUser("woman", ["man"], Latitude, Longitude), ct);
        var him = await api.RegisterAsync(new NewUser("man", ["woman"], Latitude, Longitude), ct);
        // Men for her to block, one per attempt of the paused step: a second block of the same man writes nothing, so it
        // could not be behind on the standby (seen: a first attempt whose pause did not hold left every retry caught up).
        var others = new Queue<BenchmarkUser>();
        for (var i = 0; i < BlockAttempts; i++)
        {
            others.Enqueue(await api.RegisterAsync(new NewUser("man", ["woman"], Latitude, Longitude), ct));
        }

        await Eventually.UntilAsync(async () =>
        {
            var ids = await RecommendedAsync(api, her, ct);
            return ids.Contains(him.UserId) && others.All(other => ids.Contains(other.UserId));
        }, "every man in her recommendations", Limit);
        var matchId = await MatchAsync(api, her, him, ct);
        await Eventually.UntilAsync(async () =>
        {
            var (status, conversations) = await api.SendJsonAsync(HttpMethod.Get, "/api/chat/conversations", her.Token, null, ct);
            return status == HttpStatusCode.OK && conversations.EnumerateArray().Any(c => c.GetProperty("matchId").GetGuid() == matchId);
        }, "their conversation in chat", Limit);
        var first = await SendAsync(api, her, matchId, "before the pause", ct);

        // Replicated and caught up, each kind of read is served by the standby.
        await UntilServedAsync("chat-0", "chat", "standby", "an older chat page served by the standby",
            () => api.SendJsonAsync(HttpMethod.Get, $"/api/chat/conversations/{matchId}/messages?before={first}", him.Token, null, ct));
        await UntilServedAsync("matching-0", "matching", "standby", "a recommendation scan served by the standby",
            () => api.SendJsonAsync(HttpMethod.Get, "/api/matching/recommendations", her.Token, null, ct));
        await UntilServedAsync("profiles-0", "profiles", "standby", "a public profile read on a cache miss served by the standby", async () =>
        {
            (await UpdateBioAsync(api, her, "Caught up.", ct)).ShouldBe(HttpStatusCode.OK);
            return await api.SendJsonAsync(HttpMethod.Get, $"/api/profiles/{her.UserId}", him.Token, null, ct);
        });

        var standbyPort = fixture.Stack.UrlOf(standby!, "tcp").Port;
        try
        {
            // Her new bio, read by him: the cached copy went, and the standby has not replayed the change.
            await WhileReplayPausedAsync(standbyPort, "profiles-0", "profiles", "a profile change read back from the primary", async () =>
            {
                var bio = $"Written while the standby's replay is paused, {Guid.NewGuid():N}.";
                (await UpdateBioAsync(api, her, bio, ct)).ShouldBe(HttpStatusCode.OK);
                var (read, profile) = await api.SendJsonAsync(HttpMethod.Get, $"/api/profiles/{her.UserId}", him.Token, null, ct);
                read.ShouldBe(HttpStatusCode.OK);
                profile.GetProperty("bio").GetString().ShouldBe(bio, "a profile change is read back at once");
            });

            // Messages sent now, and the page older than the newest: the standby has none of them.
            await WhileReplayPausedAsync(standbyPort, "chat-0", "chat", "new messages paged back from the primary", async () =>
            {
                var sent = new List<Guid>();
                for (var i = 0; i < 3; i++)
                {
                    sent.Add(await SendAsync(api, her, matchId, $"while paused {i}", ct));
                }

                var (paged, older) = await api.SendJsonAsync(HttpMethod.Get, $"/api/chat/conversations/{matchId}/messages?before={sent[^1]}&limit=2", him.Token, null, ct);
                paged.ShouldBe(HttpStatusCode.OK, "the cursor, just sent, is found");
                older.EnumerateArray().Select(m => m.GetProperty("messageId").GetGuid()).ShouldBe([sent[1], sent[0]]);
            });

            // She blocks a man who waits in her recommendation queue: the scan that rechecks it sees the block.
            await WhileReplayPausedAsync(standbyPort, "matching-0", "matching", "her block seen by her next recommendations", async () =>
            {
                others.Count.ShouldBePositive($"at most {BlockAttempts} attempts to block with the standby's replay paused");
                var other = others.Dequeue();
                (await api.SendJsonAsync(HttpMethod.Post, "/api/matching/blocks", her.Token, new { userId = other.UserId }, ct)).Status.ShouldBe(HttpStatusCode.NoContent);
                (await RecommendedAsync(api, her, ct)).ShouldNotContain(other.UserId, "her own block is seen at once");
            });
        }
        finally
        {
            await ReplayAsync(standbyPort, "resume");
        }

        // Once the standby has replayed them, the same reads go back to it.
        await UntilServedAsync("chat-0", "chat", "standby", "older pages served by the standby again after it caught up",
            () => api.SendJsonAsync(HttpMethod.Get, $"/api/chat/conversations/{matchId}/messages?before={first}", him.Token, null, ct));
    }

    // Repeats a routed read (each must succeed) until one more of the module's reads is counted as served by that server.
    private async Task UntilServedAsync(string replica, string schema, string servedBy, string what, Func<Task<(HttpStatusCode Status, JsonElement Body)>> read)
    {
        var before = await CountAsync(replica, schema, servedBy);
        await Eventually.UntilAsync(async () =>
        {
            (await read()).Status.ShouldBe(HttpStatusCode.OK, what);
            return await CountAsync(replica, schema, servedBy) > before;
        }, what, Limit);
    }

    /// <summary>
    /// Pauses the standby's replay and runs a write-then-read step, whose own assertions must hold every time, until the
    /// module counted a read moved to the primary because the standby was behind. A restart of the standby's PostgreSQL
    /// (Patroni's, after the failover tests' rewind) ends a pause: a step after which the standby no longer is paused runs again.
    /// </summary>
    private async Task WhileReplayPausedAsync(int standbyPort, string replica, string schema, string what, Func<Task> step) =>
        await Eventually.UntilAsync(async () =>
        {
            await ReplayAsync(standbyPort, "pause");
            var behind = await CountAsync(replica, schema, "primary", "behind");
            await step();
            var held = await ReplayAsync(standbyPort, "is_paused");
            // A read counted just now may show on /metrics a moment later (seen: the counter rose between two attempts but
            // not within one; our reading is the Prometheus exporter's cached scrape response).
            var counted = false;
            for (var waited = Stopwatch.StartNew(); !counted && waited.Elapsed < MetricsCache; await Task.Delay(100))
            {
                counted = await CountAsync(replica, schema, "primary", "behind") > behind;
            }

            Log($"{what}: the pause held {held}, counted as behind {counted}; {replica}: {string.Join("; ", await SeriesAsync(replica))}");
            return held && counted;
        }, what, Limit);

    // pg_wal_replay_pause(), _resume() or pg_is_wal_replay_paused() on the standby, over a connection of its own.
    private static async Task<bool> ReplayAsync(int standbyPort, string action)
    {
        await using var standby = new NpgsqlConnection($"Host=127.0.0.1;Port={standbyPort};Username=postgres;Database=postgres;Pooling=false");
        await standby.OpenAsync();
        await using var command = new NpgsqlCommand(action == "is_paused" ? "SELECT pg_is_wal_replay_paused()" : $"SELECT pg_wal_replay_{action}()", standby);
        var result = await command.ExecuteScalarAsync();
        return result is not bool paused || paused;
    }

    private static async Task<HttpStatusCode> UpdateBioAsync(GatewayClient api, BenchmarkUser user, string bio, CancellationToken ct)
    {
        var (status, _) = await api.SendJsonAsync(HttpMethod.Put, "/api/profiles/me", user.Token, new
        {
            displayName = "Bench",
            bio,
            gender = "woman",
            interestedIn = new[] { "man" },
            ageRange = new { min = 18, max = 99 },
            maxDistanceKm = 50,
            location = new { latitude = Latitude, longitude = Longitude },
            interests = Array.Empty<string>(),
        }, ct);
        return status;
    }

    private static async Task<IReadOnlyList<Guid>> RecommendedAsync(GatewayClient api, BenchmarkUser user, CancellationToken ct)
    {
        var (status, body) = await api.SendJsonAsync(HttpMethod.Get, "/api/matching/recommendations?limit=50", user.Token, null, ct);
        status.ShouldBe(HttpStatusCode.OK);
        return [.. body.EnumerateArray().Select(r => r.GetProperty("userId").GetGuid())];
    }

    private static async Task<Guid> MatchAsync(GatewayClient api, BenchmarkUser a, BenchmarkUser b, CancellationToken ct)
    {
        (await api.SendJsonAsync(HttpMethod.Post, "/api/matching/swipes", a.Token, new { targetUserId = b.UserId, decision = "like" }, ct)).Status.ShouldBe(HttpStatusCode.OK);
        var (status, swipe) = await api.SendJsonAsync(HttpMethod.Post, "/api/matching/swipes", b.Token, new { targetUserId = a.UserId, decision = "like" }, ct);
        status.ShouldBe(HttpStatusCode.OK);
        swipe.GetProperty("matched").GetBoolean().ShouldBeTrue();
        return swipe.GetProperty("matchId").GetGuid();
    }

    private static async Task<Guid> SendAsync(GatewayClient api, BenchmarkUser from, Guid matchId, string text, CancellationToken ct)
    {
        var (status, message) = await api.SendJsonAsync(HttpMethod.Post, $"/api/chat/conversations/{matchId}/messages", from.Token, new { text }, ct);
        status.ShouldBe(HttpStatusCode.Created);
        return message.GetProperty("messageId").GetGuid();
    }

    // dating_postgres_routed_reads_total of one module on one replica, summed over the reasons that contain reasonPart.
    private async Task<double> CountAsync(string replica, string schema, string servedBy, string reasonPart = "") =>
        (await SeriesAsync(replica))
            .Where(series => series.Labels.Contains($"schema=\"{schema}\"", StringComparison.Ordinal)
                && series.Labels.Contains($"served_by=\"{servedBy}\"", StringComparison.Ordinal)
                && Regex.IsMatch(series.Labels, $"reason=\"[^\"]*{Regex.Escape(reasonPart)}"))
            .Sum(series => series.Value);

    private async Task<IReadOnlyList<(string Labels, double Value)>> SeriesAsync(string replica)
    {
        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(new Uri(fixture.Stack.UrlOf(replica), "/metrics"));
        return [.. Regex.Matches(metrics, @"^dating_postgres_routed_reads_total\{([^}]*)\} (\S+)", RegexOptions.Multiline)
            .Select(m => (m.Groups[1].Value, double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))];
    }

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
}
