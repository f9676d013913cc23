namespace Dating.Matching.Shards;

/// <summary>Where a shard map version is in a resharding (src/Matching/README.md, "Resharding online").</summary>
internal enum ShardMapState
{
    /// <summary>One ring: every swiper's swipes are read and written on the shard it names.</summary>
    Active,

    /// <summary>Writes still go to the previous ring's owner; reads take both owners. The command waits for every replica to be here.</summary>
    Preparing,

    /// <summary>Writes go to the new ring's owner once the old owner has no decision on the pair; reads take both owners; the copy runs.</summary>
    Migrating,
}
