using Npgsql;

namespace Dating.Matching.Matches;

/// <summary>
/// A transaction-scoped PostgreSQL advisory lock on an unordered pair of users: swipes and blocks between the
/// same two people run one after the other on every replica, so a mutual like always sees the other like.
/// Taken after the shard fence, in its round trip: see <see cref="Shards.ShardFence.EnterAsync"/>.
/// </summary>
internal static class PairLock
{
    public static NpgsqlBatchCommand Command(Guid one, Guid other) =>
        new("SELECT pg_advisory_xact_lock(hashtextextended(least($1, $2)::text || greatest($1, $2)::text, 0))")
        {
            Parameters = { new() { Value = one }, new() { Value = other } },
        };
}
