using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Dating.Benchmarks.Api;
using Dating.Stacks;
using Dating.Testing;

namespace Dating.AppHost.Tests.HighAvailability;

[Collection(HighAvailabilityStack.Collection)]
public sealed class PostgresFailoverTests(HighAvailabilityStack fixture)
{
    private static readonly TimeSpan FailoverLimit = TimeSpan.FromSeconds(60);

    // Registrations hash a password (CPU bound): two at a time is a steady load for a 2-core machine.
    private const int Writers = 2;

    [Fact]
    public async Task A_kill_of_the_primarys_patroni_and_postmaster_promotes_the_standby_and_every_acknowledged_registration_is_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = GatewayClient.CreateHttpClient();
        var api = new GatewayClient(http, fixture.Stack.PublicUrl);
        var oldLeader = await fixture.Patroni.LeaderAsync() ?? throw new InvalidOperationException("No PostgreSQL leader before the kill.");
        var attempts = new ConcurrentQueue<Attempt>();
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(() => WriteAsync(api, attempts, clock, stop.Token), ct)).ToList();

        await Eventually.UntilAsync(() => attempts.Count(a => a.User is not null) >= 10, "ten registrations acknowledged before the kill", FailoverLimit);
        var standby = fixture.Patroni.Nodes.Single(node => node != oldLeader);
        var lag = await Eventually.GetAsync<string?>(() => ReplicationLagAsync(http, standby), lag => lag is not null, $"profiles-0's /metrics to show {standby}'s replication lag", FailoverLimit);
        Log($"replication lag of {standby} under the registrations: {lag}");
        // kill -9 of both, as a crash of the machine's processes would: Patroni first, so it cannot restart its PostgreSQL.
        var patroni = ListeningProcess.Of(fixture.Stack.UrlOf(oldLeader, "patroni").Port);
        var postmaster = ListeningProcess.Of(fixture.Stack.UrlOf(oldLeader, "tcp").Port);
        Process.GetProcessById(patroni).Kill();
        Process.GetProcessById(postmaster).Kill();
        var killedAt = clock.Elapsed;
        Log($"killed {oldLeader}'s Patroni (pid {patroni}) and postmaster (pid {postmaster})");

        var newLeader = await Eventually.GetAsync(() => fixture.Patroni.LeaderAsync(), leader => leader is not null && leader != oldLeader, "Patroni to promote the standby", FailoverLimit);
        Log($"{newLeader} is the leader {(clock.Elapsed - killedAt).TotalSeconds:F1} s after the kill");
        var firstWrite = await Eventually.GetAsync(
            () => attempts.Where(a => a.User is not null && a.SentAt > killedAt).Select(a => (TimeSpan?)a.AnsweredAt).Min(),
            answered => answered is not null, "a registration sent after the kill to succeed", FailoverLimit);
        var failover = firstWrite!.Value - killedAt;
        Log($"failover: the first registration sent after the kill succeeded {failover.TotalSeconds:F1} s after it");
        await Eventually.UntilAsync(() => attempts.Count(a => a.User is not null && a.SentAt > firstWrite) >= 10, "ten more registrations after the failover", FailoverLimit);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var all = attempts.ToList();
        Log($"answers: {string.Join(", ", all.CountBy(a => a.Outcome).Select(pair => $"{pair.Key} × {pair.Value}"))}");
        // While no primary is found the answer is a 503 problem; never a 500, nor a dropped connection.
        var unexpected = all.Where(a => a.Status is not (HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable)).ToList();
        unexpected.Count.ShouldBe(0, $"only 201 or 503 while the standby is promoted; the first unexpected answers: {string.Join(" | ", unexpected.Take(3).Select(a => $"{a.Outcome} at {(a.AnsweredAt - killedAt).TotalSeconds:F1} s after the kill: {a.Body}"))}");
        all.Where(a => a.Status == HttpStatusCode.ServiceUnavailable).ShouldAllBe(a => a.IsProblem, "a 503 is an RFC 9457 problem");

        var acknowledged = all.Where(a => a.User is not null).Select(a => a.User!).ToList();
        var missing = await MissingAsync(api, acknowledged, ct);
        Log($"{acknowledged.Count} registrations acknowledged ({acknowledged.Count(u => all.First(a => a.User == u).AnsweredAt > killedAt)} after the kill), {missing.Count} missing afterwards");
        missing.ShouldBeEmpty("every registration acknowledged to its client is kept through the failover (synchronous replication)");

        // The dashboard's Start brings the old leader back: its Patroni rewinds it and it follows the new leader.
        var restart = Stopwatch.StartNew();
        await fixture.Stack.StartResourceAsync(oldLeader, ct);
        await Eventually.GetAsync<string?>(() => fixture.Patroni.SyncStandbyAsync(), standby => standby == oldLeader, $"{oldLeader} to stream from {newLeader} as its synchronous standby", FailoverLimit);
        Log($"{oldLeader} is {newLeader}'s synchronous standby {restart.Elapsed.TotalSeconds:F1} s after its Start");
    }

    [Fact]
    public async Task A_kill_of_the_standby_leaves_registrations_and_reads_working_and_the_restarted_standby_streams_again()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = GatewayClient.CreateHttpClient();
        var api = new GatewayClient(http, fixture.Stack.PublicUrl);
        var standby = await Eventually.GetAsync<string?>(() => fixture.Patroni.SyncStandbyAsync(), node => node is not null, "a synchronous standby streaming", FailoverLimit);
        var attempts = new ConcurrentQueue<Attempt>();
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(() => WriteAsync(api, attempts, clock, stop.Token), ct)).ToList();
        await Eventually.UntilAsync(() => attempts.Count(a => a.User is not null) >= 5, "five registrations acknowledged before the kill", FailoverLimit);

        Process.GetProcessById(ListeningProcess.Of(fixture.Stack.UrlOf(standby!, "patroni").Port)).Kill();
        Process.GetProcessById(ListeningProcess.Of(fixture.Stack.UrlOf(standby!, "tcp").Port)).Kill();
        var killedAt = clock.Elapsed;
        Log($"killed the standby {standby}'s Patroni and postmaster");
        var restart = new Stopwatch();
        try
        {
            await Eventually.UntilAsync(() => attempts.Count(a => a.User is not null && a.SentAt > killedAt) >= 10, "ten registrations sent after the kill to succeed", FailoverLimit);
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            var all = attempts.ToList();
            var slowest = all.Where(a => a.SentAt > killedAt - TimeSpan.FromSeconds(1)).Max(a => a.AnsweredAt - a.SentAt);
            Log($"answers: {string.Join(", ", all.CountBy(a => a.Outcome).Select(pair => $"{pair.Key} × {pair.Value}"))}; the slowest around the kill took {slowest.TotalSeconds:F1} s");
            // The primary stops waiting for the lost standby (non-strict synchronous mode): commits are delayed, not refused.
            all.ShouldAllBe(a => a.Status == HttpStatusCode.Created, "the primary keeps taking writes without its standby");
            foreach (var user in all.Select(a => a.User!))
            {
                using var response = await api.SendAsync(HttpMethod.Get, "/api/profiles/me", user.Token, null, ct);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{user.UserId} reads its profile with the standby down");

                // A public profile's first read is a cache miss, routed to a standby: with none up, the primary answers.
                using var routed = await api.SendAsync(HttpMethod.Get, $"/api/profiles/{user.UserId}", user.Token, null, ct);
                routed.StatusCode.ShouldBe(HttpStatusCode.OK, $"{user.UserId}'s public profile is read with the standby down");
            }
        }
        finally
        {
            // Also when an assertion failed: the collection's next test needs its standby.
            restart.Start();
            await fixture.Stack.StartResourceAsync(standby!, ct);
        }

        await Eventually.GetAsync<string?>(() => fixture.Patroni.SyncStandbyAsync(), node => node == standby, $"{standby} to stream again as the synchronous standby", FailoverLimit);
        Log($"{standby} is the synchronous standby again {restart.Elapsed.TotalSeconds:F1} s after its Start");
    }

    [Fact]
    public async Task A_kill_of_the_primarys_patroni_alone_and_its_start_after_the_promotion_lose_no_acknowledged_registration()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = GatewayClient.CreateHttpClient();
        var api = new GatewayClient(http, fixture.Stack.PublicUrl);
        await Eventually.GetAsync<string?>(() => fixture.Patroni.SyncStandbyAsync(), node => node is not null, "a synchronous standby streaming", FailoverLimit);
        var oldLeader = await fixture.Patroni.LeaderAsync() ?? throw new InvalidOperationException("No PostgreSQL leader before the kill.");
        var attempts = new ConcurrentQueue<Attempt>();
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(() => WriteAsync(api, attempts, clock, stop.Token), ct)).ToList();
        await Eventually.UntilAsync(() => attempts.Count(a => a.User is not null) >= 5, "five registrations acknowledged before the kill", FailoverLimit);

        // Patroni alone, as an OOM kill would: its PostgreSQL, detached from it, goes on as the primary and its
        // standby goes on streaming, until the leader lock expires and the standby is promoted. From then on the old
        // primary's commits wait for a standby that is gone.
        Process.GetProcessById(ListeningProcess.Of(fixture.Stack.UrlOf(oldLeader, "patroni").Port)).Kill();
        var killedAt = clock.Elapsed;
        Log($"killed {oldLeader}'s Patroni; its PostgreSQL runs on");
        var newLeader = await Eventually.GetAsync(() => fixture.Patroni.LeaderAsync(), leader => leader is not null && leader != oldLeader, "Patroni to promote the standby", FailoverLimit);
        Log($"{newLeader} is the leader {(clock.Elapsed - killedAt).TotalSeconds:F1} s after the kill; starting {oldLeader} again");

        // The dashboard's Start at once: the app host stops the leftover PostgreSQL before the new Patroni adopts it.
        await fixture.Stack.StartResourceAsync(oldLeader, ct);
        await Eventually.GetAsync<string?>(() => fixture.Patroni.SyncStandbyAsync(), standby => standby == oldLeader, $"{oldLeader} to stream from {newLeader} as its synchronous standby", FailoverLimit);
        var backAt = clock.Elapsed;
        await Eventually.UntilAsync(() => attempts.Count(a => a.User is not null && a.SentAt > backAt) >= 5, "five more registrations", FailoverLimit);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var all = attempts.ToList();
        Log($"answers: {string.Join(", ", all.CountBy(a => a.Outcome).Select(pair => $"{pair.Key} × {pair.Value}"))}");
        var acknowledged = all.Where(a => a.User is not null).Select(a => a.User!).ToList();
        var missing = await MissingAsync(api, acknowledged, ct);
        Log($"{acknowledged.Count} registrations acknowledged, {missing.Count} missing afterwards");
        // Without the stop, Patroni's first reload released the commits that waited for the promoted standby, and its
        // rewind then discarded them: acknowledged, and gone.
        missing.ShouldBeEmpty("no registration acknowledged by the old primary is lost when its Patroni comes back");
    }

    // The acknowledged users whose own profile no longer reads back.
    private static async Task<IReadOnlyList<Guid>> MissingAsync(GatewayClient api, IEnumerable<BenchmarkUser> acknowledged, CancellationToken ct)
    {
        var missing = new List<Guid>();
        foreach (var user in acknowledged)
        {
            using var response = await api.SendAsync(HttpMethod.Get, "/api/profiles/me", user.Token, null, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                missing.Add(user.UserId);
            }
        }

        return missing;
    }

    // The series the primary's pg_stat_replication gives profiles-0 for the standby, as Prometheus reads it: "N bytes, S s".
    private async Task<string?> ReplicationLagAsync(HttpClient http, string standby)
    {
        var metrics = await http.GetStringAsync(new Uri(fixture.Stack.UrlOf("profiles-0"), "/metrics"));
        string? Value(string name) => Regex.Match(metrics, $@"^{name}\{{[^}}]*standby=""{standby}""[^}}]*\}} (\S+)", RegexOptions.Multiline) is { Success: true } match
            ? match.Groups[1].Value
            : null;
        return Value("dating_postgres_replication_lag_bytes") is { } bytes && Value("dating_postgres_replication_lag_seconds") is { } seconds ? $"{bytes} bytes, {seconds} s" : null;
    }

    private static async Task WriteAsync(GatewayClient api, ConcurrentQueue<Attempt> attempts, Stopwatch clock, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var sent = clock.Elapsed;
            try
            {
                var (status, user, body) = await api.TryRegisterAsync(new NewUser("woman", ["man"], 48.85, 2.35), stop);
                attempts.Enqueue(new Attempt(sent, clock.Elapsed, status, user, body));
                if (user is null)
                {
                    // A refused write is retried, as a client would, without hammering the gateway.
                    await Task.Delay(100, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException e)
            {
                attempts.Enqueue(new Attempt(sent, clock.Elapsed, null, null, e.Message));
            }
        }
    }

    private sealed record Attempt(TimeSpan SentAt, TimeSpan AnsweredAt, HttpStatusCode? Status, BenchmarkUser? User, string Body)
    {
        public bool IsProblem => Body.Contains("\"status\":503", StringComparison.Ordinal) && Body.Contains("\"title\"", StringComparison.Ordinal);

        public string Outcome => Status is { } status ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no answer";
    }

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
}
