using Dating.BuildingBlocks.Hashing;
using Dating.BuildingBlocks.Messaging;
using Dating.BuildingBlocks.Persistence;
using Dating.Matching.Data;
using Dating.Matching.Matches;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Dating.Matching.Shards;

/// <summary>
/// Adds or removes a swipe shard while the replicas serve (src/Matching/README.md, "Resharding online"): the map goes preparing → (every live
/// replica there) → migrating → copy of the swipers the new ring moves → active → delete of their old rows → active and clean.
/// Each step is a new map version, so a run that stops half way is resumed by running the same command again.
/// </summary>
internal sealed class Resharder(MatchingDbContext db, SwipeShards shards, IConfiguration configuration, TimeProvider time, ILogger<Resharder> logger)
{
    private const int SwipersPerBatch = 500;
    private static readonly TimeSpan AckPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a replica's heartbeat counts: a replica silent for longer is taken for gone.</summary>
    public TimeSpan Liveness { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public Task<ReshardingReport> AddAsync(string shard, TextWriter output, CancellationToken ct) =>
        ReshardAsync(output, ct, from =>
        {
            if (from.Contains(shard, StringComparer.Ordinal))
            {
                throw new ReshardingException($"'{shard}' is already in the shard map ({string.Join(", ", from)}).");
            }

            return [.. from, shard];
        });

    public Task<ReshardingReport> RemoveAsync(string shard, TextWriter output, CancellationToken ct) =>
        ReshardAsync(output, ct, from =>
        {
            if (!from.Contains(shard, StringComparer.Ordinal))
            {
                throw new ReshardingException($"'{shard}' is not in the shard map ({string.Join(", ", from)}).");
            }

            if (from.Length == 1)
            {
                throw new ReshardingException($"'{shard}' is the last shard; the swipes need one.");
            }

            return [.. from.Where(s => s != shard)];
        });

    /// <summary>The map, the shards with their swipes and matches (configured ones outside the map too) and the replicas' heartbeats.</summary>
    public async Task ListAsync(TextWriter output, CancellationToken ct)
    {
        var map = await CurrentMapAsync(ct);
        var connections = ShardConnections.From(configuration, shards.ModuleConnectionName);
        output.WriteLine($"Shard map version {map.Version} ({map.State}{(map.PreviousShards is null ? "" : $", from {string.Join(", ", map.PreviousShards)}")}), {map.VirtualNodes} virtual nodes per shard.");
        foreach (var shard in connections.Keys.Union(map.AllShards).Order(StringComparer.Ordinal))
        {
            var where = map.Shards.Contains(shard) ? "in the map" : map.AllShards.Contains(shard) ? "leaving" : "configured, not in the map";
            var rows = connections.TryGetValue(shard, out var connection) && await CountAsync(connection, ct) is var (swipes, matches)
                ? FormattableString.Invariant($"{swipes,14} swipes {matches,10} matches")
                : $"{"no connection string",33}";
            output.WriteLine($"  {shard,-24}{rows}   {where}");
        }

        foreach (var replica in await ReplicaAcks.LiveAsync(db, Liveness, ct))
        {
            output.WriteLine($"  replica {replica.Replica} uses version {replica.Version} (seen {replica.SeenAt:O})");
        }
    }

    private async Task<ReshardingReport> ReshardAsync(TextWriter output, CancellationToken ct, Func<string[], string[]> change)
    {
        var map = await CurrentMapAsync(ct);
        string[] from = map.PreviousShards ?? map.Shards;
        var target = change(from).Order(StringComparer.Ordinal).ToArray();
        if (map.PreviousShards is not null && !target.SequenceEqual(map.Shards))
        {
            throw new ReshardingException(
                $"A resharding from {string.Join(", ", from)} to {string.Join(", ", map.Shards)} is under way (version {map.Version}, {map.State}); "
                + "run the command that started it again to finish it first.");
        }

        var connections = ShardConnections.From(configuration, shards.ModuleConnectionName);
        var unconfigured = from.Union(target).Where(s => !connections.ContainsKey(s)).ToList();
        if (unconfigured.Count > 0)
        {
            throw new ReshardingException(
                $"No connection string for {string.Join(", ", unconfigured)} (ConnectionStrings:{ShardConnections.Prefix}N); configured: {string.Join(", ", connections.Keys.Order(StringComparer.Ordinal))}.");
        }

        var options = from.Union(target).ToDictionary(s => s, s => SwipeShardOptions.For(connections[s]), StringComparer.Ordinal);
        foreach (var shard in target.Except(from))
        {
            await using var shardDb = new SwipeShardDbContext(options[shard]);
            await SchemaMigrations.ApplyAsync(shardDb, SwipeShardDbContext.Schema, logger, ct);
        }

        var report = new ReshardingReport
        {
            IdealShare = target.Length > from.Length ? 1.0 / target.Length : 1.0 / from.Length,
        };
        foreach (var shard in options.Keys)
        {
            report.Before[shard] = (await CountAsync(connections[shard], ct)).Swipes;
        }

        var ring = ConsistentHashRing.Create(target, map.VirtualNodes);
        output.WriteLine($"Resharding matching's swipes from {string.Join(", ", from)} to {string.Join(", ", target)} (map version {map.Version}).");
        if (map.State == ShardMapState.Active && map.PreviousShards is null)
        {
            map = await StepAsync(map, target, ShardMapState.Preparing, from, output, ct);
        }

        if (map.State == ShardMapState.Preparing)
        {
            await WaitForReplicasAsync(map.Version, output, ct);
            map = await StepAsync(map, target, ShardMapState.Migrating, from, output, ct);
        }

        if (map.State == ShardMapState.Migrating)
        {
            await MoveAsync(from, ring, options, report, copy: true, ct);
            map = await StepAsync(map, target, ShardMapState.Active, from, output, ct);
        }

        // Active, the old rows still there: every write and read is on the new owners now, whatever a replica's version.
        await MoveAsync(from, ring, options, report, copy: false, ct);
        if (report.RowsMissing == 0)
        {
            // A leaving shard leaves the map only once the replicas, which sweep every shard of the map, have published
            // every match event in its outbox.
            foreach (var shard in from.Except(target))
            {
                await WaitForOutboxAsync(shard, options[shard], output, ct);
            }

            await StepAsync(map, target, ShardMapState.Active, previousShards: null, output, ct);
        }

        foreach (var shard in options.Keys)
        {
            report.After[shard] = (await CountAsync(connections[shard], ct)).Swipes;
        }

        report.WriteTo(output);
        return report;
    }

    private async Task<ShardMap> CurrentMapAsync(CancellationToken ct)
    {
        await SchemaMigrations.ApplyAsync(db, MatchingDbContext.Schema, logger, ct);
        return await ShardMapStore.LatestAsync(db, ct)
            ?? throw new ReshardingException("There is no shard map yet: start the Matching service once, and its first replica writes version 1.");
    }

    private async Task<ShardMap> StepAsync(ShardMap map, string[] target, ShardMapState state, string[]? previousShards, TextWriter output, CancellationToken ct)
    {
        try
        {
            var next = await ShardMapStore.WriteNextAsync(db, map, target, state, previousShards, time, ct);
            output.WriteLine($"  map version {next.Version}: {state}{(state == ShardMapState.Active && previousShards is not null ? " (the moved swipers' old rows still to delete)" : "")}");
            return next;
        }
        catch (DbUpdateException)
        {
            throw new ReshardingException($"Another command wrote shard map version {map.Version + 1} meanwhile; run this one again to resume from there.");
        }
    }

    /// <summary>Waits until every replica heard from within <see cref="Liveness"/> uses <paramref name="version"/> or later.</summary>
    private async Task WaitForReplicasAsync(int version, TextWriter output, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + AckTimeout;
        while (true)
        {
            var live = await ReplicaAcks.LiveAsync(db, Liveness, ct);
            var behind = live.Where(r => r.Version < version).ToList();
            if (behind.Count == 0)
            {
                output.WriteLine($"  all {live.Count} live replicas use version {version}");
                return;
            }

            if (time.GetUtcNow() > deadline)
            {
                throw new ReshardingException(
                    $"Replicas {string.Join(", ", behind.Select(r => $"{r.Replica} (version {r.Version})"))} did not move to version {version} within {AckTimeout.TotalSeconds:0} s; "
                    + "nothing was copied yet; run the command again to resume.");
            }

            await Task.Delay(AckPoll, time, ct);
        }
    }

    /// <summary>
    /// Every swiper on an old shard whom the new ring places elsewhere: with <paramref name="copy"/>, their rows are copied
    /// to the new owner (INSERT … ON CONFLICT DO NOTHING: a decision made there meanwhile was checked against this one first);
    /// without, their rows on the old shard are deleted once each is found on the new owner. Batches hold the copy lock,
    /// so an account deletion never interleaves with one.
    /// </summary>
    private async Task MoveAsync(
        string[] from, ConsistentHashRing ring, IReadOnlyDictionary<string, DbContextOptions<SwipeShardDbContext>> options,
        ReshardingReport report, bool copy, CancellationToken ct)
    {
        foreach (var source in from)
        {
            await using var sourceDb = new SwipeShardDbContext(options[source]);
            var last = Guid.Empty;
            while (true)
            {
                var swipers = await sourceDb.Database
                    .SqlQuery<Guid>($"SELECT DISTINCT swiper_id AS \"Value\" FROM matching_swipes.swipes WHERE swiper_id > {last} ORDER BY 1 LIMIT {SwipersPerBatch}")
                    .ToListAsync(ct);
                if (swipers.Count == 0)
                {
                    break;
                }

                last = swipers[^1];
                var movers = swipers.Select(id => (Id: id, Owner: ring.OwnerOf(id.ToString())!)).Where(m => m.Owner != source).ToList();
                if (copy)
                {
                    report.Swipers += swipers.Count;
                    report.SwipersMoved += movers.Count;
                    report.MovedBetweenKeptShards += movers.Count(m => ring.Contains(source) && from.Contains(m.Owner));
                }

                foreach (var group in movers.GroupBy(m => m.Owner, m => m.Id))
                {
                    await using var destinationDb = new SwipeShardDbContext(options[group.Key]);
                    await MoveBatchAsync(sourceDb, destinationDb, [.. group], report, copy, ct);
                }
            }
        }
    }

    private async Task MoveBatchAsync(
        SwipeShardDbContext source, SwipeShardDbContext destination, Guid[] swipers, ReshardingReport report, bool copy, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({ShardFence.CopyLock}, 0))", ct);
        var rows = await source.Swipes.AsNoTracking().Where(s => swipers.Contains(s.SwiperId)).ToListAsync(ct);
        if (copy)
        {
            await destination.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO matching_swipes.swipes (swiper_id, target_id, decision, swiped_at)
                SELECT * FROM unnest({rows.Select(r => r.SwiperId).ToArray()}, {rows.Select(r => r.TargetId).ToArray()},
                                     {rows.Select(r => (int)r.Decision).ToArray()}, {rows.Select(r => r.SwipedAt).ToArray()})
                ON CONFLICT DO NOTHING
                """,
                ct);
            report.RowsCopied += rows.Count;

            // Their matches as user_a move with them (a pair's match lives on user_a's shard). A pair is on one shard at a
            // time (a new match first looks on the other owner), so a row already there is this one, copied before.
            var matches = await source.Matches.AsNoTracking().Where(m => swipers.Contains(m.UserA)).ToListAsync(ct);
            report.MatchesCopied += await MatchStore.CopyMissingAsync(destination, matches, ct);
        }
        else
        {
            var there = (await destination.Swipes.AsNoTracking().Where(s => swipers.Contains(s.SwiperId))
                    .Select(s => new { s.SwiperId, s.TargetId, s.Decision }).ToListAsync(ct))
                .Select(s => (s.SwiperId, s.TargetId, s.Decision)).ToHashSet();
            var absent = rows.Where(r => !there.Contains((r.SwiperId, r.TargetId, r.Decision))).ToList();
            var missing = absent.Select(r => r.SwiperId).ToHashSet();
            report.RowsMissing += absent.Count;

            // A match ended on the old shard after its copy (an end ends every copy, the new one first, so only a crash in
            // between leaves this) ends on the new one too before the old copy goes; one not on the new shard is missing.
            var matches = await source.Matches.AsNoTracking().Where(m => swipers.Contains(m.UserA)).ToListAsync(ct);
            var ids = matches.Select(m => m.Id).ToList();
            var copies = await destination.Matches.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
            foreach (var match in matches)
            {
                if (!copies.TryGetValue(match.Id, out var moved))
                {
                    missing.Add(match.UserA);
                    report.RowsMissing++;
                }
                else if (match.EndedAt is not null && moved.EndedAt is null)
                {
                    (moved.EndedAt, moved.EndReason) = (match.EndedAt, match.EndReason);
                }
            }

            await destination.SaveChangesAsync(ct);
            var verified = swipers.Where(s => !missing.Contains(s)).ToArray();
            report.RowsDeleted += await source.Swipes.Where(s => verified.Contains(s.SwiperId)).ExecuteDeleteAsync(ct);
            report.MatchesDeleted += await source.Matches.Where(m => verified.Contains(m.UserA)).ExecuteDeleteAsync(ct);
            if (missing.Count > 0)
            {
                logger.LogError("{Count} swipers' rows were not all on their new shard; their old rows are kept.", missing.Count);
            }
        }

        await transaction.CommitAsync(ct);
    }

    private async Task WaitForOutboxAsync(string shard, DbContextOptions<SwipeShardDbContext> options, TextWriter output, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + AckTimeout;
        await using var shardDb = new SwipeShardDbContext(options);
        while (await shardDb.Set<OutboxMessage>().CountAsync(m => m.DispatchedAt == null, ct) is var pending and > 0)
        {
            if (time.GetUtcNow() > deadline)
            {
                throw new ReshardingException(
                    $"{pending} match events in {shard}'s outbox were not published within {AckTimeout.TotalSeconds:0} s (is the broker up, and a Matching replica running?); "
                    + "run the command again to resume.");
            }

            await Task.Delay(AckPoll, time, ct);
        }

        output.WriteLine($"  {shard}'s outbox is empty");
    }

    private static async Task<(long Swipes, long Matches)> CountAsync(string connectionString, CancellationToken ct)
    {
        await using var shard = new SwipeShardDbContext(SwipeShardOptions.For(connectionString));
        try
        {
            return (await shard.Swipes.LongCountAsync(ct), await shard.Matches.LongCountAsync(ct));
        }
        catch (Npgsql.PostgresException exception) when (exception.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
        {
            return (0, 0); // a configured server that no map has named yet has no table
        }
    }
}
