using Dating.Matching.Candidates;
using Dating.Matching.Recommendations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dating.Matching.Queues;

/// <summary>Computes a user's next candidates into their queue; the one path both the batch job and a refill take.</summary>
internal sealed class QueueFiller(
    CandidateFinder finder,
    RecommendationQueue queue,
    IOptions<RecommendationQueueOptions> options,
    ILogger<QueueFiller> logger)
{
    /// <returns>The candidates now queued, best first (empty when the user has no card yet).</returns>
    public async Task<IReadOnlyList<Candidate>> FillAsync(Guid userId, CancellationToken ct)
    {
        var me = await finder.FindCardAsync(userId, ct);
        return me is null ? [] : await FillAsync(me, ct);
    }

    /// <summary>Fills the queue of the user whose card the caller already holds.</summary>
    public async Task<IReadOnlyList<Candidate>> FillAsync(CandidateCard me, CancellationToken ct)
    {
        var userId = me.UserId;
        var candidates = await finder.FindAsync(me, options.Value.Length, ct);
        try
        {
            await queue.ReplaceAsync(userId, [.. candidates.Select(c => c.UserId)]);
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            // The queue only saves work: the candidates are computed and right, so they are served anyway,
            // and the next read or batch fills the queue again.
            logger.LogWarning(exception, "Could not store the recommendation queue of {UserId}; serving the computed candidates.", userId);
        }

        return candidates;
    }
}
