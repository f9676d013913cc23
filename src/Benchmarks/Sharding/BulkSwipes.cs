using Dating.BuildingBlocks.Hashing;
using Npgsql;
using NpgsqlTypes;

namespace Dating.Benchmarks.Sharding;

/// <summary>
/// The history a resharding moves: swipes of seeded users on other seeded users, written straight onto the shard the
/// ring names for each swiper with one binary COPY per shard. Through the API, 2,000,000 swipes would take hours here
/// (a few hundred a second at most); the resharding reads and moves the same rows either way. Deterministic: a swiper's
/// swipes come from a random generator seeded with its index.
/// </summary>
public static class BulkSwipes
{
    private const int Pass = 0, Like = 1;

    /// <returns>The rows written, by shard.</returns>
    public static async Task<IReadOnlyDictionary<string, long>> CopyAsync(
        IReadOnlyList<Guid> users, int perUser, IReadOnlyDictionary<string, string> shards, ConsistentHashRing ring, CancellationToken ct)
    {
        if (perUser >= users.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(perUser), $"{perUser} swipes per user need more than {users.Count} users.");
        }

        var swipersOf = Enumerable.Range(0, users.Count).GroupBy(i => ring.OwnerOf(users[i].ToString())!).ToDictionary(g => g.Key, g => g.ToList());
        var now = DateTimeOffset.UtcNow;
        var copies = shards.Select(async shard =>
        {
            long rows = 0;
            await using var connection = new NpgsqlConnection(shard.Value);
            await connection.OpenAsync(ct);
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY matching_swipes.swipes (swiper_id, target_id, decision, swiped_at) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var swiper in swipersOf.GetValueOrDefault(shard.Key) ?? [])
                {
                    var random = new Random(swiper);
                    var targets = new HashSet<int>();
                    while (targets.Count < perUser)
                    {
                        if (random.Next(users.Count) is var target && target != swiper)
                        {
                            targets.Add(target);
                        }
                    }

                    foreach (var target in targets)
                    {
                        await copy.StartRowAsync(ct);
                        await copy.WriteAsync(users[swiper], NpgsqlDbType.Uuid, ct);
                        await copy.WriteAsync(users[target], NpgsqlDbType.Uuid, ct);
                        await copy.WriteAsync(random.Next(2) == 0 ? Pass : Like, NpgsqlDbType.Integer, ct);
                        await copy.WriteAsync(now.AddMinutes(-random.Next(60 * 24 * 30)), NpgsqlDbType.TimestampTz, ct);
                        rows++;
                    }
                }

                await copy.CompleteAsync(ct);
            }

            // Fresh statistics, as a table grown by traffic would have.
            await using (var analyze = new NpgsqlCommand("ANALYZE matching_swipes.swipes", connection))
            {
                await analyze.ExecuteNonQueryAsync(ct);
            }

            return (shard.Key, rows);
        });
        return (await Task.WhenAll(copies)).ToDictionary(c => c.Key, c => c.rows, StringComparer.Ordinal);
    }
}
