using Npgsql;

namespace Dating.Benchmarks.Sharding;

/// <summary>The swipe rows on each shard, read straight from the shard servers (<c>matching_swipes.swipes</c>).</summary>
public static class ShardRows
{
    /// <summary>Each swiper's row count on each shard, by shard name.</summary>
    public static async Task<IReadOnlyDictionary<string, Dictionary<Guid, long>>> PerSwiperAsync(IReadOnlyDictionary<string, string> shards, CancellationToken ct)
    {
        var counts = new Dictionary<string, Dictionary<Guid, long>>(StringComparer.Ordinal);
        foreach (var (shard, database) in shards)
        {
            var perSwiper = counts[shard] = new Dictionary<Guid, long>();
            await foreach (var (swiper, rows) in QueryAsync(database, "SELECT swiper_id, count(*) FROM matching_swipes.swipes GROUP BY swiper_id",
                               r => (r.GetGuid(0), r.GetInt64(1)), null, ct))
            {
                perSwiper[swiper] = rows;
            }
        }

        return counts;
    }

    /// <summary>Every row of <paramref name="swipers"/>, on every shard.</summary>
    public static async Task<IReadOnlyList<(string Shard, Guid SwiperId, Guid TargetId, int Decision)>> OfSwipersAsync(
        IReadOnlyDictionary<string, string> shards, Guid[] swipers, CancellationToken ct)
    {
        var rows = new List<(string, Guid, Guid, int)>();
        foreach (var (shard, database) in shards)
        {
            await foreach (var row in QueryAsync(database, "SELECT swiper_id, target_id, decision FROM matching_swipes.swipes WHERE swiper_id = ANY(@swipers)",
                               r => (shard, r.GetGuid(0), r.GetGuid(1), r.GetInt32(2)), c => c.Parameters.AddWithValue("swipers", swipers), ct))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static async IAsyncEnumerable<T> QueryAsync<T>(
        string database, string sql, Func<NpgsqlDataReader, T> read, Action<NpgsqlCommand>? parameters,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        parameters?.Invoke(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return read(reader);
        }
    }
}
