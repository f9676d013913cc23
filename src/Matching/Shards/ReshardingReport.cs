namespace Dating.Matching.Shards;

/// <summary>What a resharding moved and found; <see cref="Verified"/> decides the command's exit code.</summary>
internal sealed class ReshardingReport
{
    public Dictionary<string, long> Before { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> After { get; } = new(StringComparer.Ordinal);

    /// <summary>Distinct swipers seen on the old shards, and those the new ring gives another shard.</summary>
    public long Swipers { get; set; }

    public long SwipersMoved { get; set; }

    /// <summary>Swipers that moved from a shard both rings have to a shard both rings have: consistent hashing promises none.</summary>
    public long MovedBetweenKeptShards { get; set; }

    public long RowsCopied { get; set; }

    public long RowsDeleted { get; set; }

    /// <summary>The moved swipers' matches as user_a (a match lives on its first user's shard).</summary>
    public long MatchesCopied { get; set; }

    public long MatchesDeleted { get; set; }

    /// <summary>Rows (swipes and matches) of the old shard that were not on the new one when the old copy was to be deleted (then it is kept).</summary>
    public long RowsMissing { get; set; }

    public double IdealShare { get; set; }

    public bool Verified => RowsMissing == 0 && MovedBetweenKeptShards == 0;

    public void WriteTo(TextWriter output)
    {
        output.WriteLine($"{"shard",-24}{"before",12}{"after",12}");
        foreach (var shard in Before.Keys.Union(After.Keys).Order(StringComparer.Ordinal))
        {
            output.WriteLine($"{shard,-24}{Before.GetValueOrDefault(shard),12}{After.GetValueOrDefault(shard),12}");
        }

        output.WriteLine($"{"total",-24}{Before.Values.Sum(),12}{After.Values.Sum(),12}");
        var share = Swipers == 0 ? 0 : (double)SwipersMoved / Swipers;
        output.WriteLine(
            $"Swipers moved: {SwipersMoved} of {Swipers} ({share:P1}; the ideal is {IdealShare:P1}); rows copied {RowsCopied}, deleted from the old shards {RowsDeleted}; "
            + $"matches copied {MatchesCopied}, deleted from the old shards {MatchesDeleted}; "
            + $"moved between shards both rings keep: {MovedBetweenKeptShards}.");
        output.WriteLine(Verified
            ? "Verified: every deleted row was on its new shard first, batch by batch (the counts agree); nothing moved between kept shards."
            : $"NOT verified: {RowsMissing} rows were not on their new shard (kept on the old one), {MovedBetweenKeptShards} swipers moved between kept shards.");
    }
}
