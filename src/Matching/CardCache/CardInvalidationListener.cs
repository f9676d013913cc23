using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Dating.Matching.CardCache;

/// <summary>
/// Subscribes this replica to card invalidations and keeps the cache honest about the subscription: the cache
/// serves only while subscribed, and is emptied whenever the subscription connection drops or comes back,
/// since invalidations published meanwhile were lost.
/// </summary>
internal sealed class CardInvalidationListener(CandidateCardCache cache, IConnectionMultiplexer redis, ILogger<CardInvalidationListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    private volatile bool _subscribed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        redis.ConnectionFailed += OnConnectionFailed;
        redis.ConnectionRestored += OnConnectionRestored;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var subscription = await redis.GetSubscriber().SubscribeAsync(CardInvalidations.Channel);
                subscription.OnMessage(message =>
                {
                    if (Guid.TryParse(message.Message.ToString(), out var userId))
                    {
                        cache.Invalidate(userId);
                    }
                });
                _subscribed = true;

                // Had the connection dropped in between, ConnectionRestored turns the cache on.
                cache.SetServing(redis.GetSubscriber().IsConnected(CardInvalidations.Channel));
                return;
            }
            catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
            {
                logger.LogWarning(exception, "Could not subscribe to card invalidations; the card cache stays off until it can.");
                await Task.Delay(RetryInterval, stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionFailed -= OnConnectionFailed;
        redis.ConnectionRestored -= OnConnectionRestored;
        await base.StopAsync(cancellationToken);
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription)
        {
            logger.LogWarning("Card invalidations lost (Redis subscription down): the card cache is off and emptied.");
            cache.SetServing(false);
        }
    }

    // The multiplexer re-subscribes on reconnect; what was published while it was away is gone, so start empty.
    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription && _subscribed)
        {
            cache.SetServing(true);
        }
    }
}
