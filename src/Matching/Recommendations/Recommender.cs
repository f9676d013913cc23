using Dating.Matching.CardCache;
using Dating.Matching.Queues;
using Microsoft.Extensions.Options;

namespace Dating.Matching.Recommendations;

/// <summary>
/// Serves recommendations from the user's precomputed queue. Queued ids are re-checked against the database
/// by primary key (swipes, blocks, deletions and changed preferences since the queue was filled drop out);
/// the expensive geographic search runs only when the queue is empty, or in the background when it runs low.
/// The caller's own card usually comes from this replica's memory (the gateway keeps a user on one replica).
/// </summary>
internal sealed class Recommender(
    CandidateFinder finder,
    CandidateCardCache cards,
    RecommendationQueue queue,
    QueueFiller filler,
    QueueRefillRequests refills,
    IOptions<RecommendationQueueOptions> options)
{
    public async Task<IReadOnlyList<Candidate>> RecommendAsync(Guid userId, int limit, CancellationToken ct)
    {
        await queue.MarkActiveAsync(userId);
        var me = await cards.GetOrLoadAsync(userId, token => finder.FindCardAsync(userId, token), ct);
        if (me is null)
        {
            return [];
        }

        // Read past the limit so that a few stale entries do not shorten the answer.
        var (queued, length) = await queue.PeekAsync(userId, limit * 2);
        var servable = queued.Count == 0 ? [] : await finder.FindAmongAsync(me, queued, ct);
        if (servable.Count < queued.Count)
        {
            var stale = queued.Except(servable.Select(c => c.UserId)).ToList();
            await queue.RemoveAsync(userId, stale);
            length -= stale.Count;
        }

        if (servable.Count == 0)
        {
            var fresh = await filler.FillAsync(me, ct);
            return [.. fresh.Take(limit)];
        }

        if (length < options.Value.LowWatermark)
        {
            refills.Request(userId);
        }

        return [.. servable.Take(limit)];
    }
}
