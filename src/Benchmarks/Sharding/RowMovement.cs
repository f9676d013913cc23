using Dating.BuildingBlocks.Hashing;

namespace Dating.Benchmarks.Sharding;

/// <summary>
/// Where the seeded swipers' rows were before and after a resharding, per shard; what <c>hash mod N</c> would have moved
/// of the same swipers' rows; and the swipers found anywhere but once, whole, on the shard the new ring names.
/// </summary>
public sealed record RowMovement(
    IReadOnlyList<ShardGiving> Shards, int FromShards, int ToShards, long Swipers, long Rows, long RowsAfter, long SwipersMoved, long RowsMoved,
    long RowsBetweenOldShards, long ModNRowsMoved, long ModNRowsBetweenOldShards, long SwipersMisplaced)
{
    public double MovedShare => Rows == 0 ? 0 : (double)RowsMoved / Rows;

    public double ModNShare => Rows == 0 ? 0 : (double)ModNRowsMoved / Rows;

    public double IdealShare => 1.0 / ToShards;

    /// <param name="before">Each swiper's rows per shard before the resharding; <paramref name="after"/> the same after it.</param>
    /// <param name="oldShards">The shards of the map before; the new ring has these and more (an addition).</param>
    /// <param name="ignored">Swipers whose rows the load changed meanwhile (the registered users): checked one swipe at a time instead.</param>
    public static RowMovement Of(
        IReadOnlyDictionary<string, Dictionary<Guid, long>> before, IReadOnlyDictionary<string, Dictionary<Guid, long>> after,
        IReadOnlyCollection<string> oldShards, ConsistentHashRing newRing, IReadOnlySet<Guid> ignored)
    {
        var placesAfter = new Dictionary<Guid, List<(string Shard, long Rows)>>();
        foreach (var (shard, swipers) in after)
        {
            foreach (var (swiper, count) in swipers.Where(s => !ignored.Contains(s.Key)))
            {
                (placesAfter.TryGetValue(swiper, out var places) ? places : placesAfter[swiper] = []).Add((shard, count));
            }
        }

        var gaveUp = oldShards.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
        var toOld = oldShards.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
        long swipersSeen = 0, rows = 0, swipersMoved = 0, rowsMoved = 0, modNMoved = 0, modNBetween = 0, misplaced = 0;
        foreach (var (from, swipers) in before)
        {
            foreach (var (swiper, count) in swipers.Where(s => !ignored.Contains(s.Key)))
            {
                var key = swiper.ToString();
                var owner = newRing.OwnerOf(key)!;
                var places = placesAfter.GetValueOrDefault(swiper) ?? [];
                if (places is not [var place] || place.Shard != owner || place.Rows != count)
                {
                    misplaced++;
                }

                swipersSeen++;
                rows += count;
                var now = places is [var only] ? only.Shard : owner;
                if (now != from)
                {
                    swipersMoved++;
                    rowsMoved += count;
                    gaveUp[from] += count;
                    toOld[from] += oldShards.Contains(now) ? count : 0;
                }

                var (modBefore, modAfter) = (KeyMovementReport.ModNOwner(key, oldShards.Count), KeyMovementReport.ModNOwner(key, oldShards.Count + 1));
                if (modBefore != modAfter)
                {
                    modNMoved += count;
                    modNBetween += modAfter < oldShards.Count ? count : 0;
                }

                placesAfter.Remove(swiper);
            }
        }

        // A seeded swiper after the resharding that none of the shards had before came from nowhere.
        misplaced += placesAfter.Count;
        var shards = after.Keys.Union(before.Keys).Order(StringComparer.Ordinal).Select(shard => new ShardGiving(
            shard,
            before.GetValueOrDefault(shard)?.Where(s => !ignored.Contains(s.Key)).Sum(s => s.Value) ?? 0,
            after.GetValueOrDefault(shard)?.Where(s => !ignored.Contains(s.Key)).Sum(s => s.Value) ?? 0,
            gaveUp.GetValueOrDefault(shard),
            toOld.GetValueOrDefault(shard))).ToList();
        return new RowMovement(shards, oldShards.Count, newRing.Count, swipersSeen, rows, shards.Sum(s => s.RowsAfter), swipersMoved, rowsMoved,
            toOld.Values.Sum(), modNMoved, modNBetween, misplaced);
    }
}
