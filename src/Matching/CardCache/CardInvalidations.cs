using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Dating.Matching.CardCache;

/// <summary>
/// Tells every replica that a user's card changed: called by the writers after their transaction commits, so that
/// a replica reloading on the news reads the new card. Any replica may consume the event, so the news goes through Redis.
/// </summary>
internal sealed class CardInvalidations(CandidateCardCache cache, IConnectionMultiplexer redis, ILogger<CardInvalidations> logger)
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("matching:card-invalidations");

    public async Task PublishAsync(Guid userId)
    {
        // This replica at once; the others (and this one again) when the message arrives.
        cache.Invalidate(userId);
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, userId.ToString());
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            // The event is handled and must not be retried for this; the others' copies expire with the TTL.
            logger.LogWarning(exception, "Could not publish the card invalidation of {UserId}; other replicas may serve it until it expires.", userId);
        }
    }
}
