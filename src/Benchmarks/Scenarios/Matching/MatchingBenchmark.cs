using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Dating.Benchmarks.Api;
using Dating.Benchmarks.Load;
using Dating.Benchmarks.Locality;
using Dating.Benchmarks.Reports;
using Dating.Benchmarks.Stacks;
using Dating.BuildingBlocks.Modules;
using Dating.Stacks;
using Npgsql;
using StackExchange.Redis;

namespace Dating.Benchmarks.Scenarios.Matching;

/// <summary>
/// Matching over a seeded read model: a user's first recommendations (cold: the geographic search fills the queue)
/// versus later reads (served from the Redis queue), swipes a second, and the queue batch's time per 10,000 users.
/// </summary>
public sealed class MatchingBenchmark(MatchingSettings settings, Action<string> log)
{
    // Paris, one of the seeder's city clusters.
    private const double Latitude = 48.8566, Longitude = 2.3522;

    public async Task<MatchingResult> RunAsync(CancellationToken ct)
    {
        await using var stack = await BenchmarkStack.StartAsync(log, ct, environment: new Dictionary<string, string>
        {
            ["Matching__Queues__RefreshInterval"] = settings.BatchInterval.ToString("c"),
            ["Logging__LogLevel__Dating.Matching.Queues.QueueRefreshJob"] = "Information",
        }, seededUsers: settings.SeededUsers, highAvailability: settings.HighAvailability);
        var (seedSeconds, seedOutput) = stack.Seed ?? throw new InvalidOperationException("The stack started without its seeded users.");
        log(seedOutput);
        seedOutput = string.Join(" ", seedOutput.Split('\n').Where(line => line.StartsWith("Seeded", StringComparison.Ordinal)));
        using var http = GatewayClient.CreateHttpClient();
        var api = new GatewayClient(http, stack.PublicUrl);
        var matchingDb = await stack.ConnectionStringAsync(ModuleCatalog.Matching.Database, ct);

        log($"registering {settings.Users} users in Paris");
        var users = await api.RegisterManyAsync(settings.Users,
            i => i % 2 == 0 ? new NewUser("man", ["woman"], Latitude, Longitude, 25) : new NewUser("woman", ["man"], Latitude, Longitude, 25), ct);
        await MatchingReadModel.WaitForCardsAsync(matchingDb, [.. users.Select(u => u.UserId)], log, ct);

        log("cold queue: each user's first recommendations");
        var cold = Latency.NewHistogram();
        var coldErrors = 0;
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = settings.Clients, CancellationToken = ct }, async (user, token) =>
        {
            var sent = Stopwatch.GetTimestamp();
            var ok = await RecommendAsync(api, user, 20, token) is not null;
            Latency.Record(cold, Stopwatch.GetElapsedTime(sent));
            if (!ok)
            {
                Interlocked.Increment(ref coldErrors);
            }
        });

        log("queue hit: later reads of the same users");
        Func<int, Task<bool>> read = async i => await RecommendAsync(api, users[i % users.Count], 20, ct) is not null;
        await LoadGenerator.ClosedAsync(read, settings.Clients, settings.HitDuration / 10, ct);
        var hit = await LoadGenerator.ClosedAsync(read, settings.Clients, settings.HitDuration, ct);

        log("swipes on recommended seeded users");
        var swipes = new ConcurrentQueue<(BenchmarkUser User, Guid Target, string Decision)>();
        foreach (var user in users)
        {
            var candidates = await RecommendAsync(api, user, settings.SwipesPerUser, ct) ?? [];
            foreach (var (target, index) in candidates.Select((c, i) => (c, i)))
            {
                swipes.Enqueue((user, target, index % 2 == 0 ? "like" : "pass"));
            }
        }

        var swipeCount = swipes.Count;
        var swipeLatency = Latency.NewHistogram();
        var swipeErrors = 0;
        var swipeStart = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, settings.Clients).Select(_ => Task.Run(async () =>
        {
            while (swipes.TryDequeue(out var swipe))
            {
                var sent = Stopwatch.GetTimestamp();
                var (status, _) = await api.SendJsonAsync(HttpMethod.Post, "/api/matching/swipes", swipe.User.Token,
                    new { targetUserId = swipe.Target, decision = swipe.Decision }, ct);
                Latency.Record(swipeLatency, Stopwatch.GetElapsedTime(sent));
                if (status != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref swipeErrors);
                }
            }
        }, ct)));
        var swipeSeconds = Stopwatch.GetElapsedTime(swipeStart).TotalSeconds;

        var redis = await stack.ConnectionStringAsync("redis", ct);
        var logFile = stack.LogFileOf(stack.Replica(ModuleCatalog.Matching.Name, 0).Name);
        var (batchUsers, batchSeconds, batchNote) = await MeasureBatchAsync(redis, matchingDb, logFile, ct);

        return new MatchingResult(settings.SeededUsers, seedSeconds, seedOutput,
            Latency.Of(cold), coldErrors, Latency.Of(hit.Latency), (hit.Latency.TotalCount - hit.Errors) / hit.Seconds, hit.Errors,
            Latency.Of(swipeLatency), swipeCount, swipeErrors, swipeSeconds, batchUsers, batchSeconds, batchNote)
        {
            StandbyBatches = settings.HighAvailability ? await MeasureWithAndWithoutStandbyAsync(stack, http, redis, matchingDb, logFile, ct) : [],
        };
    }

    // Under --ha: the batch's candidate scans go to the standby while one streams. Each round times a batch with the
    // standby streaming, then one with it stopped by the dashboard's Stop (the scans fall back to the primary), and
    // starts it again; matching-0's routed-read counters say which server served the scans.
    private async Task<IReadOnlyList<StandbyBatch>> MeasureWithAndWithoutStandbyAsync(
        BenchmarkStack stack, HttpClient http, string redis, string matchingDb, string logFile, CancellationToken ct)
    {
        var patroni = stack.Patroni;
        var replica = stack.Replica(ModuleCatalog.Matching.Name, 0).Url;
        var batches = new List<StandbyBatch>();
        for (var round = 1; round <= settings.StandbyRounds; round++)
        {
            foreach (var withStandby in new[] { true, false })
            {
                var standby = await PatroniView.WaitForAsync(patroni.SyncStandbyAsync, "a synchronous standby streaming", StandbyWait, ct);
                if (!withStandby)
                {
                    await stack.StopResourceAsync(standby, ct);
                }

                // What each node costs while the batch runs: Patroni, its PostgreSQL and the backends, as PSS (the standby's
                // shared buffers are its own; nothing is shared between the nodes but the binaries' pages).
                var leader = await patroni.LeaderAsync() ?? throw new InvalidOperationException("No PostgreSQL leader.");
                var leaderPids = stack.ServerPids(leader);
                var standbyPids = withStandby ? stack.ServerPids(standby) : [];
                var before = await RoutedReadsAsync(http, replica, ct);
                await using var primaryMeter = ResourceMeter.Start(() => [], () => leaderPids);
                await using var standbyMeter = ResourceMeter.Start(() => [], () => standbyPids);
                var (users, seconds, note) = await MeasureBatchAsync(redis, matchingDb, logFile, ct);
                var (primaryUse, standbyUse) = (await primaryMeter.StopAsync(), await standbyMeter.StopAsync());
                var after = await RoutedReadsAsync(http, replica, ct);
                var batch = new StandbyBatch(round, withStandby, users, seconds, after.Standby - before.Standby, after.Primary - before.Primary)
                {
                    PrimaryNode = primaryUse,
                    StandbyNode = withStandby ? standbyUse : null,
                };
                log(ReportFile.Invariant($"round {round}, {(withStandby ? "with" : "without")} the standby: {users} queues in {seconds:0.0} s ({note}); ")
                    + ReportFile.Invariant($"scans served by the standby {batch.StandbyReads}, by the primary {batch.PrimaryReads}; ")
                    + ReportFile.Invariant($"primary node {primaryUse.BackingPeakMemoryMb:0} MB, {primaryUse.BackingCpuSeconds:0.0} CPU s; standby node {(withStandby ? ReportFile.Invariant($"{standbyUse.BackingPeakMemoryMb:0} MB, {standbyUse.BackingCpuSeconds:0.0} CPU s") : "stopped")}"));
                batches.Add(batch);
                if (!withStandby)
                {
                    await stack.StartResourceAsync(standby, ct);
                }
            }
        }

        return batches;
    }

    // A restarted standby streams again within about 20 s (AppHost/README.md).
    private static readonly TimeSpan StandbyWait = TimeSpan.FromSeconds(90);

    private const string RoutedReads = "dating_postgres_routed_reads_total";

    private static async Task<(long Standby, long Primary)> RoutedReadsAsync(HttpClient http, Uri replica, CancellationToken ct)
    {
        var text = await http.GetStringAsync(new Uri(replica, "/metrics"), ct);
        const string matching = "schema=\"matching\"";
        return (ReplicaCacheCounters.Sum(text, RoutedReads, matching, "served_by=\"standby\""),
            ReplicaCacheCounters.Sum(text, RoutedReads, matching, "served_by=\"primary\""));
    }

    private async Task<(int? Users, double? Seconds, string Note)> MeasureBatchAsync(string redisConnectionString, string matchingDb, string logFile, CancellationToken ct)
    {
        var seeded = new List<Guid>(settings.BatchUsers);
        await using (var connection = new NpgsqlConnection(matchingDb))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT user_id FROM matching.candidates LIMIT @count", connection);
            command.Parameters.AddWithValue("count", settings.BatchUsers);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                seeded.Add(reader.GetGuid(0));
            }
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisConnectionString);
        var db = redis.GetDatabase();
        await BatchObserver.MarkActiveAsync(db, seeded);
        var active = await db.SortedSetLengthAsync(BatchObserver.ActiveUsersKey);
        log($"batch: {active} active users; waiting for the next tick (every {settings.BatchInterval.TotalSeconds:0} s)");
        var offset = BatchObserver.LengthOf(logFile);
        // A batch longer than the interval is followed at once by the next one: the lock never drops, so give up after one interval.
        var duration = await BatchObserver.TimeNextBatchAsync(db, settings.BatchInterval * 2 + TimeSpan.FromSeconds(10), settings.BatchInterval, ct);
        if (duration is null)
        {
            return (null, null, $"no single batch observed: none started within two intervals, or one ran longer than the {settings.BatchInterval.TotalSeconds:0} s "
                + "interval so batches ran back to back (raise MatchingSettings.BatchInterval or lower BatchUsers)");
        }

        var refreshed = await BatchObserver.RefreshedCountAsync(logFile, offset, ct);
        return refreshed is { } count
            ? (count, duration.Value.TotalSeconds, "timed by the batch's Redis lock; count from the job's log line")
            : ((int)active, duration.Value.TotalSeconds, "timed by the batch's Redis lock; count = active users (no log line found)");
    }

    private static async Task<IReadOnlyList<Guid>?> RecommendAsync(GatewayClient api, BenchmarkUser user, int limit, CancellationToken ct)
    {
        var (status, body) = await api.SendJsonAsync(HttpMethod.Get, $"/api/matching/recommendations?limit={limit}", user.Token, null, ct);
        return status == HttpStatusCode.OK
            ? [.. body.EnumerateArray().Select(c => c.GetProperty("userId").GetGuid())]
            : null;
    }
}
