using System.Diagnostics;
using System.Globalization;
using System.Net;
using Dating.AppHost.Hosting;
using Dating.Benchmarks.Api;
using Dating.Benchmarks.Load;
using Dating.Benchmarks.Reports;
using Dating.Benchmarks.Scenarios.Matching;
using Dating.Benchmarks.Stacks;
using Dating.BuildingBlocks.Hashing;
using Dating.BuildingBlocks.Modules;
using Npgsql;

namespace Dating.Benchmarks.Sharding;

/// <summary>
/// Matching's swipe shards measured (issue 14): a shard added online under a steady swipe load over seeded history (the
/// host's real <c>shards add</c>, run as an operator runs it), then swipe throughput and the cross-shard steps per shard
/// count, a fresh stack per run, the counts alternated.
/// </summary>
public sealed class ShardingBenchmark(ShardingSettings settings, Action<string> log)
{
    // Paris: the swipers are registered there; whom they swipe is the seeded users, wherever they live.
    private const double Latitude = 48.8566, Longitude = 2.3522;

    public async Task<ShardingResult> RunAsync(CancellationToken ct)
    {
        using var http = GatewayClient.CreateHttpClient();
        var throughput = new List<ThroughputRun>();
        var resharding = await ReshardAsync(http, throughput, ct);
        for (var round = 1; round <= settings.Rounds; round++)
        {
            foreach (var shards in settings.ShardCounts)
            {
                log($"round {round}: swipes on {shards} shard(s)");
                await using var stack = await BenchmarkStack.StartAsync(log, ct, seededUsers: settings.Throughput.SeededUsers, shards: shards);
                var (databases, virtualNodes) = await stack.SwipeShardMapAsync(ct);
                var traffic = await PrepareAsync(stack, http, settings.Throughput.Swipers, await SeededUsersAsync(stack, ct), ct);
                throughput.Add(await MeasureThroughputAsync(traffic, ConsistentHashRing.Create(databases.Keys, virtualNodes), round, ct));
            }
        }

        return new ShardingResult(resharding, throughput);
    }

    private async Task<ReshardingResult> ReshardAsync(HttpClient http, List<ThroughputRun> throughput, CancellationToken ct)
    {
        var s = settings.Resharding;
        log($"resharding: {s.ToShards} shard servers, the first map naming {s.FromShards}; {s.SeededUsers:N0} seeded users × {s.SwipesPerUser} swipes");
        var firstMap = Enumerable.Range(0, s.FromShards).ToDictionary(
            i => string.Create(CultureInfo.InvariantCulture, $"Matching__Shards__FirstMap__{i}"), SwipeShardServers.NameOf);
        await using var stack = await BenchmarkStack.StartAsync(log, ct, environment: firstMap, seededUsers: s.SeededUsers, shards: s.ToShards);
        var (seedSeconds, _) = stack.Seed ?? throw new InvalidOperationException("The stack started without its seeded users.");
        var (oldShards, virtualNodes) = await stack.SwipeShardMapAsync(ct);
        var oldRing = ConsistentHashRing.Create(oldShards.Keys, virtualNodes);

        var seeded = await SeededUsersAsync(stack, ct);
        var copying = Stopwatch.StartNew();
        var copied = await BulkSwipes.CopyAsync(seeded, s.SwipesPerUser, oldShards, oldRing, ct);
        var copySeconds = copying.Elapsed.TotalSeconds;
        log(ReportFile.Invariant($"copied {copied.Values.Sum():N0} swipes onto {copied.Count} shards in {copySeconds:0.0} s ({string.Join(", ", copied.Select(c => $"{c.Key} {c.Value:N0}"))})"));

        var traffic = await PrepareAsync(stack, http, s.Swipers, seeded, ct);
        if (settings.ShardCounts.Count == 0)
        {
            throughput.Add(await MeasureThroughputAsync(traffic, oldRing, round: 1, ct));
        }

        var before = await ShardRows.PerSwiperAsync(oldShards, ct);
        var connections = await stack.MatchingConnectionStringsAsync(ct);
        var newShard = SwipeShardServers.NameOf(s.FromShards);
        Func<int, long, Task<bool>> swipe = (_, _) => traffic.SendNextAsync(ct);

        log(ReportFile.Invariant($"swipes at {s.SwipesPerSecond}/s: {s.Before.TotalSeconds:0} s before, then shards add {newShard} while they go on"));
        var load = new List<LoadWindow> { LoadWindow.Of("before", await LoadGenerator.OpenAsync(swipe, s.SwipesPerSecond, s.Before, ct)) };
        using var done = new CancellationTokenSource();
        var during = LoadGenerator.OpenAsync(swipe, s.SwipesPerSecond, Timeout.InfiniteTimeSpan, ct, done.Token);
        (int ExitCode, double Seconds, string Output, string Error) command;
        try
        {
            command = await MatchingHostCommand.RunAsync(connections, ["shards", "add", newShard], ct);
        }
        finally
        {
            await done.CancelAsync();
        }

        load.Add(LoadWindow.Of("during", await during));
        if (command.ExitCode != 0)
        {
            throw new InvalidOperationException($"shards add exited with {command.ExitCode}: {command.Output}\n{command.Error}");
        }

        log(ReportFile.Invariant($"resharded in {command.Seconds:0.0} s; {s.After.TotalSeconds:0} s of swipes after"));
        log(command.Output);
        load.Add(LoadWindow.Of("after", await LoadGenerator.OpenAsync(swipe, s.SwipesPerSecond, s.After, ct)));

        var (newShards, _) = await stack.SwipeShardMapAsync(ct);
        var newRing = ConsistentHashRing.Create(newShards.Keys, virtualNodes);
        var swiperIds = traffic.Swipers.Select(u => u.UserId).ToArray();
        var rows = RowMovement.Of(before, await ShardRows.PerSwiperAsync(newShards, ct), [.. oldShards.Keys], newRing, swiperIds.ToHashSet());
        var acknowledged = AcknowledgedCheck.Of([.. traffic.Acknowledged], await ShardRows.OfSwipersAsync(newShards, swiperIds, ct), newRing);
        log(ReportFile.Invariant($"rows moved {rows.RowsMoved:N0} of {rows.Rows:N0} ({rows.MovedShare:P1}), between old shards {rows.RowsBetweenOldShards}, ")
            + ReportFile.Invariant($"misplaced swipers {rows.SwipersMisplaced}; acknowledged swipes {acknowledged.Acknowledged}, not once {acknowledged.NotExactlyOnce}, misplaced {acknowledged.Misplaced}"));
        return new ReshardingResult(s, seedSeconds, copySeconds, command.Seconds, command.Output, load, rows, acknowledged);
    }

    /// <summary>Registers the swipers and pairs them off with mutual likes, so each has a match for "my matches" to read.</summary>
    private async Task<SwipeTraffic> PrepareAsync(BenchmarkStack stack, HttpClient http, int swipers, IReadOnlyList<Guid> seeded, CancellationToken ct)
    {
        var api = new GatewayClient(http, stack.PublicUrl);
        log($"registering {swipers} swipers");
        var users = await api.RegisterManyAsync(swipers,
            i => i % 2 == 0 ? new NewUser("man", ["woman"], Latitude, Longitude) : new NewUser("woman", ["man"], Latitude, Longitude), ct);
        await MatchingReadModel.WaitForCardsAsync(await stack.DatabaseOfAsync(ModuleCatalog.Matching, ct), [.. users.Select(u => u.UserId)], log, ct);
        var traffic = new SwipeTraffic(api, users, seeded);
        for (var i = 0; i + 1 < users.Count; i += 2)
        {
            foreach (var (swiper, target) in new[] { (users[i], users[i + 1]), (users[i + 1], users[i]) })
            {
                if (!await traffic.SendAsync(swiper, target.UserId, SwipeTraffic.Like, ct))
                {
                    throw new InvalidOperationException($"{swiper.UserId}'s like of {target.UserId} failed");
                }
            }
        }

        return traffic;
    }

    private async Task<ThroughputRun> MeasureThroughputAsync(SwipeTraffic traffic, ConsistentHashRing ring, int round, CancellationToken ct)
    {
        var t = settings.Throughput;
        var (passes, likesSame, likesOther) = (Latency.NewHistogram(), Latency.NewHistogram(), Latency.NewHistogram());
        Func<int, long, Task<bool>> swipe = async (_, intended) =>
        {
            var (swiper, target, decision) = traffic.Next();
            var ok = await traffic.SendAsync(swiper, target, decision, ct);
            Latency.Record(
                decision == SwipeTraffic.Pass ? passes : ring.OwnerOf(swiper.UserId.ToString()) == ring.OwnerOf(target.ToString()) ? likesSame : likesOther,
                Stopwatch.GetElapsedTime(intended));
            return ok;
        };

        log(ReportFile.Invariant($"{ring.Count} shard(s): swipes at {t.SwipesPerSecond}/s for {t.FixedDuration.TotalSeconds:0} s after a warm-up"));
        await LoadGenerator.OpenAsync((_, _) => traffic.SendNextAsync(ct), t.SwipesPerSecond, t.FixedDuration / 4, ct);
        var fixedRate = await LoadGenerator.OpenAsync(swipe, t.SwipesPerSecond, t.FixedDuration, ct);
        log(ReportFile.Invariant($"{t.Clients} closed-loop swipers for {t.ClosedDuration.TotalSeconds:0} s"));
        var closed = await LoadGenerator.ClosedAsync(_ => traffic.SendNextAsync(ct), t.Clients, t.ClosedDuration, ct);
        log(ReportFile.Invariant($"\"my matches\" at {t.MatchReadsPerSecond}/s for {t.MatchReadsDuration.TotalSeconds:0} s"));
        var users = traffic.Swipers;
        var reads = await LoadGenerator.OpenAsync(i => ReadMatchesAsync(traffic.Api, users[i % users.Count], ct), t.MatchReadsPerSecond, t.MatchReadsDuration, ct);
        var run = new ThroughputRun(ring.Count, round, fixedRate.Latency, fixedRate.Errors, passes, likesSame, likesOther,
            (closed.Latency.TotalCount - closed.Errors) / closed.Seconds, closed.Latency, closed.Errors, reads.Latency, reads.Errors);
        log(ReportFile.Invariant($"{ring.Count} shard(s): p99 {Latency.Of(run.Fixed).P99:0.0} ms at {t.SwipesPerSecond}/s, max {run.ClosedPerSecond:0}/s, errors {run.FixedErrors} + {run.ClosedErrors}"));
        return run;
    }

    private static async Task<bool> ReadMatchesAsync(GatewayClient api, BenchmarkUser user, CancellationToken ct)
    {
        var (status, body) = await api.SendJsonAsync(HttpMethod.Get, "/api/matching/matches", user.Token, null, ct);
        return status == HttpStatusCode.OK && body.GetArrayLength() > 0;
    }

    /// <summary>The seeded users' ids (read before anyone registers): the swipes' targets.</summary>
    private static async Task<IReadOnlyList<Guid>> SeededUsersAsync(BenchmarkStack stack, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(await stack.DatabaseOfAsync(ModuleCatalog.Matching, ct));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT user_id FROM matching.candidates ORDER BY user_id", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
