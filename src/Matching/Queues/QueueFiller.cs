using Dating.Matching.Recommendations;
using Microsoft.Extensions.Options;

namespace Dating.Matching.Queues;

/// <summary>Computes a user's next candidates into their queue; the one path both the batch job and a refill take.</summary>
internal sealed class QueueFiller(CandidateFinder finder, RecommendationQueue queue, IOptions<RecommendationQueueOptions> options)
{
    /// <returns>The candidates now queued, best first (empty when the user has no card yet).</returns>
    public async Task<IReadOnlyList<Candidate>> FillAsync(Guid userId, CancellationToken ct)
    {
        var me = await finder.FindCardAsync(userId, ct);
        if (me is null)
        {
            return [];
        }

        var candidates = await finder.FindAsync(me, options.Value.Length, ct);
        await queue.ReplaceAsync(userId, [.. candidates.Select(c => c.UserId)]);
        return candidates;
    }
}
