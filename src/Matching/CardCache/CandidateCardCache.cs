using Dating.Matching.Candidates;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Dating.Matching.CardCache;

/// <summary>
/// Cache-aside, in this replica's memory, of each caller's own card (read on every recommendation). Writers
/// invalidate after they commit, on every replica (<see cref="CardInvalidations"/>). A read that missed stores what
/// it loaded only if no invalidation came in between; otherwise a load that read the old card just before a commit
/// could store it after the invalidation went by, and serve it until the TTL.
/// </summary>
internal sealed class CandidateCardCache
{
    // Never disposed: it holds only memory, and the Redis events may still fire while the host shuts down.
    private readonly MemoryCache _cards;
    private readonly CardGenerations _generations = new();
    private readonly CardCacheMetrics _metrics;
    private readonly TimeSpan _timeToLive;

    // Off until the invalidation channel is subscribed: without it a replica would never hear of a change.
    private volatile bool _serving;

    public CandidateCardCache(IOptions<CardCacheOptions> options, CardCacheMetrics metrics)
    {
        _cards = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.Capacity });
        _metrics = metrics;
        _timeToLive = options.Value.TimeToLive;
    }

    public int Count => _cards.Count;

    public async Task<CandidateCard?> GetOrLoadAsync(Guid userId, Func<CancellationToken, Task<CandidateCard?>> load, CancellationToken ct)
    {
        if (_serving && _cards.TryGetValue(userId, out CandidateCard? cached))
        {
            _metrics.Hit();
            return cached;
        }

        _metrics.Miss();
        var generation = _generations.Of(userId);
        var card = await load(ct);

        // No card yet is not cached: the ProfileCreated that brings it must not wait for the TTL.
        if (card is null || !_serving || _generations.Of(userId) != generation)
        {
            return card;
        }

        _cards.Set(userId, card, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _timeToLive });

        // An invalidation between the check and the Set bumps before it removes: either the bump shows now and the
        // entry goes here, or its removal comes after the Set. (At worst a newer entry goes too: one more miss.)
        if (_generations.Of(userId) != generation)
        {
            _cards.Remove(userId);
        }

        return card;
    }

    public void Invalidate(Guid userId)
    {
        _generations.Bump(userId);
        _cards.Remove(userId);
    }

    /// <summary>Invalidations may have been missed (the subscription dropped): forget everything.</summary>
    public void Clear()
    {
        _generations.BumpAll();
        _cards.Clear();
    }

    /// <summary>Serve from memory only while invalidations are heard; stopping clears what may go stale unheard.</summary>
    public void SetServing(bool serving)
    {
        _serving = serving;
        Clear();
    }
}
