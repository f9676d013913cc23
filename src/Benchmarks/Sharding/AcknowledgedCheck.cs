using Dating.BuildingBlocks.Hashing;

namespace Dating.Benchmarks.Sharding;

/// <summary>Every swipe the gateway acknowledged, looked up afterwards on every shard: stored exactly once, on the shard the ring names, as decided.</summary>
public sealed record AcknowledgedCheck(int Acknowledged, int NotExactlyOnce, int Misplaced)
{
    public bool Holds => NotExactlyOnce == 0 && Misplaced == 0;

    /// <param name="rows">Every row of the swipers who sent them, on every shard (decision 1 = like).</param>
    public static AcknowledgedCheck Of(
        IReadOnlyCollection<SentSwipe> acknowledged, IEnumerable<(string Shard, Guid SwiperId, Guid TargetId, int Decision)> rows, ConsistentHashRing ring)
    {
        var stored = rows.ToLookup(r => (r.SwiperId, r.TargetId));
        var notOnce = 0;
        var misplaced = 0;
        foreach (var swipe in acknowledged)
        {
            var found = stored[(swipe.SwiperId, swipe.TargetId)].ToList();
            if (found is not [var row])
            {
                notOnce++;
            }
            else if (row.Shard != ring.OwnerOf(swipe.SwiperId.ToString()) || row.Decision != (swipe.Decision == SwipeTraffic.Like ? 1 : 0))
            {
                misplaced++;
            }
        }

        return new AcknowledgedCheck(acknowledged.Count, notOnce, misplaced);
    }
}
