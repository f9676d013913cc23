using System.Diagnostics.Metrics;

namespace Dating.Matching.CardCache;

/// <summary>Hits and misses of the card cache, per replica (Prometheus: <c>dating_matching_card_cache_hits_total</c>, <c>..._misses_total</c>).</summary>
internal sealed class CardCacheMetrics
{
    public const string MeterName = "Dating.Matching";
    public const string HitsName = "dating.matching.card_cache.hits";
    public const string MissesName = "dating.matching.card_cache.misses";

    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;

    public CardCacheMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _hits = meter.CreateCounter<long>(HitsName, description: "Callers' cards served from this replica's memory.");
        _misses = meter.CreateCounter<long>(MissesName, description: "Callers' cards read from the database.");
    }

    public void Hit() => _hits.Add(1);

    public void Miss() => _misses.Add(1);
}
