using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Matching;
using Dating.Matching.Data;
using Dating.Matching.Shards;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Matches;

/// <summary>
/// Matches on the shards (src/Matching/README.md, "Matches on the shards"). A match lives on the shard the ring names
/// for its <see cref="Match.UserA"/>, the pair's first user as PostgreSQL orders uuids: so the pair is always on one
/// shard, whose unique pair index makes one insert of two simultaneous mutual likes win, and its events go to that
/// shard's outbox in the same commit as the row. A user's matches as user_a are on their own shard, as user_b on any:
/// "my matches" and a lookup by id ask every shard at once (a bounded fan-out, one indexed query per shard).
/// While a resharding moves a user_a, their matches may be on two shards: reads take both and a copy that ended wins;
/// a write finds the pair on either before it inserts, and an end ends every copy, the new owner's first.
/// A shard that is the module's own database (the monolith) is used on the module's connection and in its transaction.
/// </summary>
internal sealed class MatchStore(SwipeShards shards, MatchingDbContext module, AfterCommit afterCommit, OutboxSignal<SwipeShardDbContext> signal)
{
    /// <summary>The pair as it is stored: user_a sorts before user_b as PostgreSQL orders uuids (their text).</summary>
    public static (Guid UserA, Guid UserB) Order(Guid one, Guid other) =>
        string.CompareOrdinal(one.ToString(), other.ToString()) < 0 ? (one, other) : (other, one);

    /// <summary>
    /// The pair's one match, inserted unless it exists (ended or not); MatchCreated joins the shard's outbox only with
    /// the row really inserted. Call it inside <see cref="ShardFence"/> and the pair lock.
    /// </summary>
    public async Task<Match> CreateAsync(Guid one, Guid other, DateTimeOffset now, CancellationToken ct)
    {
        var (userA, userB) = Order(one, other);
        var placement = shards.Placement;
        var (write, elsewhere) = placement.WriteShardsOf(userA);
        if (elsewhere is not null)
        {
            await using var earlierDb = placement.Open(elsewhere, module);
            if (await PairAsync(earlierDb, userA, userB, ct) is { } earlier)
            {
                return earlier;
            }
        }

        await using var db = placement.Open(write, module);
        Match? match = null;
        await InTransactionAsync(db, async () =>
        {
            var inserted = await db.Database
                .SqlQuery<Guid>(
                    $"""
                    INSERT INTO matching_swipes.matches (id, user_a, user_b, created_at)
                    VALUES ({Guid.CreateVersion7()}, {userA}, {userB}, {now})
                    ON CONFLICT (user_a, user_b) DO NOTHING
                    RETURNING id AS "Value"
                    """)
                .ToListAsync(ct);
            match = await PairAsync(db, userA, userB, ct) ?? throw new InvalidOperationException("The match just inserted is not there.");
            if (inserted.Count == 1)
            {
                db.AddIntegrationEvent(new MatchCreated(match.Id, match.UserA, match.UserB, match.CreatedAt));
                await db.SaveChangesAsync(ct);
            }
        }, ct);
        return match!;
    }

    /// <summary>The user's active matches, from every shard at once.</summary>
    public async Task<IReadOnlyList<Match>> ActiveOfAsync(Guid userId, CancellationToken ct) =>
        [.. Merge(await FromEveryShardAsync(db => db.Matches.Where(m => m.UserA == userId || m.UserB == userId), ct)).Where(m => m.EndedAt is null)];

    /// <summary>The match with this id, from every shard at once; null when there is none.</summary>
    public async Task<Match?> FindAsync(Guid matchId, CancellationToken ct) =>
        Merge(await FromEveryShardAsync(db => db.Matches.Where(m => m.Id == matchId), ct)).SingleOrDefault();

    /// <summary>
    /// Ends the pair's match if it is active, every copy of it, and raises MatchEnded once, with the first copy ended.
    /// Call it inside <see cref="ShardFence"/> with the copy lock, and the pair lock: nothing else writes the pair meanwhile.
    /// </summary>
    /// <returns>false when the pair has no active match.</returns>
    public async Task<bool> EndAsync(Guid one, Guid other, MatchEndReason reason, DateTimeOffset now, CancellationToken ct)
    {
        var (userA, userB) = Order(one, other);
        var placement = shards.Placement;
        var copies = new List<(string Shard, Match Match)>();
        foreach (var shard in placement.ReadShardsOf(userA))
        {
            await using var db = placement.Open(shard, module);
            if (await PairAsync(db, userA, userB, ct) is { } copy)
            {
                copies.Add((shard, copy));
            }
        }

        // A copy already ended (a crash between two copies' ends) means the match ended then: the rest follow silently.
        var active = copies.Count > 0 && copies.All(c => c.Match.EndedAt is null);
        var announced = !active;
        foreach (var (shard, copy) in copies.Where(c => c.Match.EndedAt is null))
        {
            await using var db = placement.Open(shard, module);
            await InTransactionAsync(db, async () =>
            {
                var match = await db.Matches.SingleAsync(m => m.Id == copy.Id, ct);
                var ended = match.End(reason, now);
                if (!announced)
                {
                    db.AddIntegrationEvent(ended);
                    announced = true;
                }

                await db.SaveChangesAsync(ct);
            }, ct);
        }

        return active;
    }

    /// <summary>
    /// Deletes every match of the user on every shard, raising MatchEnded (account deleted) once for each active one, on
    /// the first shard that holds it. Call it inside <see cref="ShardFence"/> with the copy lock. Idempotent: a shard
    /// that is down throws, and the caller's retry finds the others' rows gone.
    /// </summary>
    public async Task ForgetUserAsync(Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        var placement = shards.Placement;
        var announced = new HashSet<Guid>();
        foreach (var shard in placement.Map.AllShards)
        {
            await using var db = placement.Open(shard, module);
            await InTransactionAsync(db, async () =>
            {
                var matches = await db.Matches
                    .FromSql($"SELECT * FROM matching_swipes.matches WHERE user_a = {userId} OR user_b = {userId} FOR UPDATE")
                    .ToListAsync(ct);
                foreach (var match in matches.Where(m => m.EndedAt is null && announced.Add(m.Id)))
                {
                    db.AddIntegrationEvent(match.End(MatchEndReason.AccountDeleted, now));
                }

                db.Matches.RemoveRange(matches);
                await db.SaveChangesAsync(ct);
            }, ct);
        }
    }

    /// <summary>
    /// Writes the rows of <paramref name="matches"/> that <paramref name="db"/>'s shard does not hold yet (by id), for a copy
    /// that may run again after it was cut off (a resharding's, the old matches' move); returns how many it wrote.
    /// </summary>
    public static async Task<int> CopyMissingAsync(SwipeShardDbContext db, IReadOnlyCollection<Match> matches, CancellationToken ct)
    {
        var ids = matches.Select(m => m.Id).ToList();
        var there = await db.Matches.Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);
        var missing = matches.Where(m => !there.Contains(m.Id)).ToList();
        db.Matches.AddRange(missing);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return missing.Count;
    }

    private static Task<Match?> PairAsync(SwipeShardDbContext db, Guid userA, Guid userB, CancellationToken ct) =>
        db.Matches.AsNoTracking().SingleOrDefaultAsync(m => m.UserA == userA && m.UserB == userB, ct);

    // Copies of one match (a resharding moves it): one ended means it ended.
    private static IEnumerable<Match> Merge(IEnumerable<Match> copies) =>
        copies.GroupBy(m => m.Id).Select(g => g.OrderBy(m => m.EndedAt is null).First());

    private async Task<List<Match>> FromEveryShardAsync(Func<SwipeShardDbContext, IQueryable<Match>> query, CancellationToken ct)
    {
        var placement = shards.Placement;
        var perShard = await Task.WhenAll(placement.Map.AllShards.Select(async shard =>
        {
            await using var db = placement.Open(shard);
            return await query(db).AsNoTracking().ToListAsync(ct);
        }));
        return [.. perShard.SelectMany(rows => rows)];
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction of its own on a shard server, committed before this returns (and the
    /// shard outbox's dispatcher woken), or in the module's transaction when the shard is the module's database.
    /// </summary>
    private async Task InTransactionAsync(SwipeShardDbContext db, Func<Task> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await work();
            afterCommit.Enqueue(module, () =>
            {
                signal.Notify();
                return Task.CompletedTask;
            });
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await work();
        await transaction.CommitAsync(ct);
        signal.Notify();
    }
}
