using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Dating.AppHost.Hosting;
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
        await using var load = RegistrationLoad.Start(api, ct);

        await Eventually.UntilAsync(() => load.Attempts.Count(a => a.User is not null) >= 10, "ten registrations acknowledged before the kill", FailoverLimit);
        var standby = fixture.Patroni.Nodes.Single(node => node != oldLeader);
        var lag = await Eventually.GetAsync<string?>(() => ReplicationLagAsync(http, standby), lag => lag is not null, $"profiles-0's /metrics to show {standby}'s replication lag", FailoverLimit);
        Log($"replication lag of {standby} under the registrations: {lag}");
        // kill -9 of both, as a crash of the machine's processes would: Patroni first, so it cannot restart its PostgreSQL.
        var patroni = ListeningProcess.Of(fixture.Stack.UrlOf(oldLeader, "patroni").Port);
        var postmaster = ListeningProcess.Of(fixture.Stack.UrlOf(oldLeader, "tcp").Port);
        Process.GetProcessById(patroni).Kill();
        Process.GetProcessById(postmaster).Kill();
        var killedAt = load.Elapsed;
        Log($"killed {oldLeader}'s Patroni (pid {patroni}) and postmaster (pid {postmaster})");

        var newLeader = await Eventually.GetAsync(() => fixture.Patroni.LeaderAsync(), leader => leader is not null && leader != oldLeader, "Patroni to promote the standby", FailoverLimit);
        Log($"{newLeader} is the leader {(load.Elapsed - killedAt).TotalSeconds:F1} s after the kill");
        var firstWrite = await Eventually.GetAsync(
            () => load.Attempts.Where(a => a.User is not null && a.SentAt > killedAt).Select(a => (TimeSpan?)a.AnsweredAt).Min(),
            answered => answered is not null, "a registration sent after the kill to succeed", FailoverLimit);
        var failover = firstWrite!.Value - killedAt;
        Log($"failover: the first registration sent after the kill succeeded {failover.TotalSeconds:F1} s after it");
        await Eventually.UntilAsync(() => load.Attempts.Count(a => a.User is not null && a.SentAt > firstWrite) >= 10, "ten more registrations after the failover", FailoverLimit);
        var all = await load.StopAsync();
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
        await using var load = RegistrationLoad.Start(api, ct);
        await Eventually.UntilAsync(() => load.Attempts.Count(a => a.User is not null) >= 5, "five registrations acknowledged before the kill", FailoverLimit);

        Process.GetProcessById(ListeningProcess.Of(fixture.Stack.UrlOf(standby!, "patroni").Port)).Kill();
        Process.GetProcessById(ListeningProcess.Of(fixture.Stack.UrlOf(standby!, "tcp").Port)).Kill();
        var killedAt = load.Elapsed;
        Log($"killed the standby {standby}'s Patroni and postmaster");
        var restart = new Stopwatch();
        try
        {
            await Eventually.UntilAsync(() => load.Attempts.Count(a => a.User is not null && a.SentAt > killedAt) >= 10, "ten registrations sent after the kill to succeed", FailoverLimit);
            var all = await load.StopAsync();
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
        await using var load = RegistrationLoad.Start(api, ct);
        await Eventually.UntilAsync(() => load.Attempts.Count(a => a.User is not null) >= 5, "five registrations acknowledged before the kill", FailoverLimit);

        // Patroni alone, as an OOM kill would: its PostgreSQL, detached from it, goes on as the primary and its
        // standby goes on streaming, until the leader lock expires and the standby is promoted. From then on the old
        // primary's commits wait for a standby that is gone.
        Process.GetProcessById(ListeningProcess.Of(fixture.Stack.UrlOf(oldLeader, "patroni").Port)).Kill();
        var killedAt = load.Elapsed;
        Log($"killed {oldLeader}'s Patroni; its PostgreSQL runs on");
        var newLeader = await Eventually.GetAsync(() => fixture.Patroni.LeaderAsync(), leader => leader is not null && leader != oldLeader, "Patroni to promote the standby", FailoverLimit);
        Log($"{newLeader} is the leader {(load.Elapsed - killedAt).TotalSeconds:F1} s after the kill; starting {oldLeader} again");

        // The dashboard's Start at once: the app host stops the leftover PostgreSQL before the new Patroni adopts it.
        await fixture.Stack.StartResourceAsync(oldLeader, ct);
        await Eventually.GetAsync<string?>(() => fixture.Patroni.SyncStandbyAsync(), standby => standby == oldLeader, $"{oldLeader} to stream from {newLeader} as its synchronous standby", FailoverLimit);
        var backAt = load.Elapsed;
        await Eventually.UntilAsync(() => load.Attempts.Count(a => a.User is not null && a.SentAt > backAt) >= 5, "five more registrations", FailoverLimit);
        var all = await load.StopAsync();
        Log($"answers: {string.Join(", ", all.CountBy(a => a.Outcome).Select(pair => $"{pair.Key} × {pair.Value}"))}");
        var acknowledged = all.Where(a => a.User is not null).Select(a => a.User!).ToList();
        var missing = await MissingAsync(api, acknowledged, ct);
        Log($"{acknowledged.Count} registrations acknowledged, {missing.Count} missing afterwards");
        // Without the stop, Patroni's first reload released the commits that waited for the promoted standby, and its
        // rewind then discarded them: acknowledged, and gone.
        missing.ShouldBeEmpty("no registration acknowledged by the old primary is lost when its Patroni comes back");
    }

    /// <summary>
    /// The trade-off of the replication mode, made certain instead of left to timing: the primary's WAL sender to the
    /// standby is frozen (SIGSTOP), so the standby receives nothing more, and the primary is killed under registrations.
    /// Synchronous: no commit is acknowledged while the standby has not got it, and nothing acknowledged is lost.
    /// Asynchronous: the primary acknowledges the commits at once, and the failover loses exactly those.
    /// </summary>
    [Fact]
    public async Task With_the_standby_cut_off_a_primary_kill_loses_nothing_acknowledged_when_synchronous_and_what_was_acknowledged_meanwhile_when_asynchronous()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = GatewayClient.CreateHttpClient();
        var api = new GatewayClient(http, fixture.Stack.PublicUrl);

        var synchronous = await KillWithStandbyCutOffAsync(api, fixture.Patroni.SyncStandbyAsync, ct);
        synchronous.AcknowledgedCutOff.ShouldBeEmpty("synchronous: a commit waits for the standby, so none is acknowledged while it receives nothing");
        synchronous.Missing.ShouldBeEmpty("synchronous: every acknowledged registration survives the failover");

        await fixture.Patroni.SetSynchronousModeAsync(false, ct);
        try
        {
            var asynchronous = await KillWithStandbyCutOffAsync(api, fixture.Patroni.AsyncStandbyAsync, ct);
            asynchronous.AcknowledgedCutOff.ShouldNotBeEmpty("asynchronous: the primary acknowledges commits its standby has not got");
            asynchronous.AcknowledgedCutOff.ShouldBeSubsetOf(asynchronous.Missing, "asynchronous: the failover loses what was acknowledged while the standby received nothing");
            // Also, at most, what was acknowledged a moment before the cut and not shipped yet; never a write the new primary took.
            asynchronous.Missing.ShouldBeSubsetOf(asynchronous.SentBeforePromotion, "asynchronous: only writes the killed primary could have taken are lost");
        }
        finally
        {
            await fixture.Patroni.SetSynchronousModeAsync(true, ct);
            await Eventually.GetAsync<string?>(() => fixture.Patroni.SyncStandbyAsync(), node => node is not null, "a synchronous standby again", FailoverLimit);
        }
    }

    /// <param name="AcknowledgedCutOff">Registrations sent after the cut and acknowledged before the kill.</param>
    /// <param name="SentBeforePromotion">Every acknowledged registration sent before the standby was promoted: only the old leader could have taken it.</param>
    /// <param name="Missing">Acknowledged registrations that no longer read back after the failover.</param>
    private sealed record CutOffFailover(IReadOnlyList<Guid> AcknowledgedCutOff, IReadOnlyList<Guid> SentBeforePromotion, IReadOnlyList<Guid> Missing);

    // Registrations; the leader's WAL sender frozen; registrations acknowledged meanwhile (if any: up to 3 s); kill -9 of the
    // leader's Patroni and PostgreSQL with every backend (the frozen sender too); the promotion; a write after it; what is
    // missing; the old leader started again, streaming once more as the standby that standbyOf names.
    private async Task<CutOffFailover> KillWithStandbyCutOffAsync(GatewayClient api, Func<Task<string?>> standbyOf, CancellationToken ct)
    {
        var standby = await Eventually.GetAsync<string?>(standbyOf, node => node is not null, "a standby streaming", FailoverLimit);
        var oldLeader = await fixture.Patroni.LeaderAsync() ?? throw new InvalidOperationException("No PostgreSQL leader before the kill.");
        await using var load = RegistrationLoad.Start(api, ct);
        await Eventually.UntilAsync(() => load.Attempts.Count(a => a.User is not null) >= 3, "three registrations acknowledged with the standby streaming", FailoverLimit);

        var leaderPort = fixture.Stack.UrlOf(oldLeader, "tcp").Port;
        var sender = await WalSenderAsync(leaderPort, ct);
        ProcessSignal.Send(sender, "STOP", "the WAL sender");
        var cutAt = load.Elapsed;
        Log($"froze {oldLeader}'s WAL sender to {standby} (pid {sender})");
        // Until five are acknowledged, or the window ends with fewer (none: the commits wait for the standby, in
        // synchronous mode; the kill ends the wait).
        for (var window = Stopwatch.StartNew(); window.Elapsed < CutOffWindow && load.Attempts.Count(a => a.User is not null && a.SentAt > cutAt) < 5;)
        {
            await Task.Delay(50, ct);
        }

        var patroni = ListeningProcess.Of(fixture.Stack.UrlOf(oldLeader, "patroni").Port);
        var postgres = ProcessTreeOf(ListeningProcess.Of(leaderPort));
        Process.GetProcessById(patroni).Kill();
        foreach (var pid in postgres)
        {
            Kill(pid);
        }

        var killedAt = load.Elapsed;
        var acknowledgedCutOff = load.Attempts.Where(a => a.User is not null && a.SentAt > cutAt && a.AnsweredAt < killedAt).Select(a => a.User!.UserId).ToList();
        Log($"killed {oldLeader}'s Patroni and PostgreSQL ({postgres.Count} processes) {(killedAt - cutAt).TotalSeconds:F1} s after the cut; {acknowledgedCutOff.Count} registrations acknowledged meanwhile");

        var newLeader = await Eventually.GetAsync(() => fixture.Patroni.LeaderAsync(), leader => leader is not null && leader != oldLeader, "Patroni to promote the standby", FailoverLimit);
        var backAt = load.Elapsed;
        await Eventually.UntilAsync(() => load.Attempts.Any(a => a.User is not null && a.SentAt > backAt), "a registration after the promotion", FailoverLimit);
        // An answer may come a moment after the kill for a commit made before it: what was sent before the promotion is what the old leader could have taken.
        var sentBeforePromotion = load.Attempts.Where(a => a.User is not null && a.SentAt < backAt).Select(a => a.User!.UserId).ToList();
        var all = await load.StopAsync();
        var missing = await MissingAsync(api, all.Where(a => a.User is not null).Select(a => a.User!), ct);
        Log($"{newLeader} promoted; answers: {string.Join(", ", all.CountBy(a => a.Outcome).Select(pair => $"{pair.Key} × {pair.Value}"))}; "
            + $"{all.Count(a => a.User is not null)} acknowledged, {missing.Count} missing afterwards ({missing.Count(id => !acknowledgedCutOff.Contains(id))} of them sent before the cut)");

        await fixture.Stack.StartResourceAsync(oldLeader, ct);
        await Eventually.GetAsync<string?>(standbyOf, node => node == oldLeader, $"{oldLeader} to stream again from {newLeader}", FailoverLimit);
        return new CutOffFailover(acknowledgedCutOff, sentBeforePromotion, missing);
    }

    // How long the standby stays cut off at most: enough for a few registrations to be acknowledged when nothing waits.
    private static readonly TimeSpan CutOffWindow = TimeSpan.FromSeconds(3);

    // The leader's one WAL sender (its only standby's), from pg_stat_replication.
    private static async Task<int> WalSenderAsync(int leaderPort, CancellationToken ct)
    {
        await using var leader = new Npgsql.NpgsqlConnection($"Host=127.0.0.1;Port={leaderPort};Username=postgres;Database=postgres;Pooling=false");
        await leader.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand("SELECT pid FROM pg_stat_replication", leader);
        return (int)(await command.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("The leader has no WAL sender."));
    }

    private static IReadOnlyList<int> ProcessTreeOf(int root) => Dating.Benchmarks.Load.ProcessTree.WithDescendants([root]);

    private static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // already gone
        }
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

    /// <summary>
    /// Registrations through the gateway by <see cref="Writers"/> clients from <see cref="Start"/> until <see cref="StopAsync"/>
    /// (or disposal, when a test fails first), each attempt with when it was sent and answered on <see cref="Elapsed"/>'s clock.
    /// </summary>
    private sealed class RegistrationLoad : IAsyncDisposable
    {
        private readonly ConcurrentQueue<Attempt> _attempts = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly CancellationTokenSource _stop;
        private readonly List<Task> _writers;

        private RegistrationLoad(GatewayClient api, CancellationToken ct)
        {
            _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            _writers = [.. Enumerable.Range(0, Writers).Select(_ => Task.Run(() => WriteAsync(api, _stop.Token), ct))];
        }

        public static RegistrationLoad Start(GatewayClient api, CancellationToken ct) => new(api, ct);

        public IEnumerable<Attempt> Attempts => _attempts;

        public TimeSpan Elapsed => _clock.Elapsed;

        /// <returns>Every attempt, once the writers have stopped.</returns>
        public async Task<List<Attempt>> StopAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_writers);
            return [.. _attempts];
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _stop.Dispose();
        }

        private async Task WriteAsync(GatewayClient api, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                var sent = _clock.Elapsed;
                try
                {
                    var (status, user, body) = await api.TryRegisterAsync(new NewUser("woman", ["man"], 48.85, 2.35), stop);
                    _attempts.Enqueue(new Attempt(sent, _clock.Elapsed, status, user, body));
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
                    _attempts.Enqueue(new Attempt(sent, _clock.Elapsed, null, null, e.Message));
                }
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
