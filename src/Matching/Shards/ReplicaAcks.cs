using Dating.Matching.Data;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Shards;

/// <summary>The replicas' heartbeats with the map version each uses; times are the database's, so clocks need not agree.</summary>
internal static class ReplicaAcks
{
    public static Task RecordAsync(MatchingDbContext db, string replica, int version, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO matching.shard_map_acks (replica, version, seen_at) VALUES ({replica}, {version}, now())
            ON CONFLICT (replica) DO UPDATE SET version = excluded.version, seen_at = excluded.seen_at
            """,
            ct);

    public static Task ForgetAsync(MatchingDbContext db, string replica, CancellationToken ct) =>
        db.ReplicaAcks.Where(a => a.Replica == replica).ExecuteDeleteAsync(ct);

    /// <summary>The replicas heard from within <paramref name="liveness"/>, with the version each uses.</summary>
    public static Task<List<ReplicaAck>> LiveAsync(MatchingDbContext db, TimeSpan liveness, CancellationToken ct) =>
        db.ReplicaAcks.FromSql($"SELECT * FROM matching.shard_map_acks WHERE seen_at > now() - {liveness}")
            .AsNoTracking().OrderBy(a => a.Replica).ToListAsync(ct);
}
