using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dating.Chat.RateLimiting;

/// <summary>A fixed window per user, counted in Redis so the limit holds however many replicas serve the user.</summary>
internal sealed class MessageRateLimiter(IConnectionMultiplexer redis, IOptions<MessageRateLimitOptions> options, TimeProvider time)
{
    // INCR and the expiry in one step: a counter never outlives its window.
    private static readonly LuaScript Count = LuaScript.Prepare(
        "local n = redis.call('INCR', @key) if n == 1 then redis.call('PEXPIRE', @key, @windowMs) end return n");

    /// <summary>Counts one message; null when it is allowed, otherwise how long until the window ends.</summary>
    public async Task<TimeSpan?> TryAcquireAsync(Guid userId)
    {
        var limit = options.Value;
        var windowMs = (long)limit.Window.TotalMilliseconds;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var window = now / windowMs;
        var key = $"chat:rate:{userId:N}:{window}";
        var count = (long)await redis.GetDatabase().ScriptEvaluateAsync(Count, new { key = (RedisKey)key, windowMs });
        return count <= limit.PermitLimit ? null : TimeSpan.FromMilliseconds((window + 1) * windowMs - now);
    }
}
