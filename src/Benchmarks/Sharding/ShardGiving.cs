namespace Dating.Benchmarks.Sharding;

/// <summary>
/// One shard's seeded rows across a resharding: before, after, those it gave up, and of those, how many went to another
/// shard that was there before (consistent hashing promises none).
/// </summary>
public sealed record ShardGiving(string Shard, long RowsBefore, long RowsAfter, long GaveUp, long ToOtherOldShards)
{
    public double GaveUpShare => RowsBefore == 0 ? 0 : (double)GaveUp / RowsBefore;
}
