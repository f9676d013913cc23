using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dating.Profiles.Sessions;

/// <summary>Fixed-window counters in Redis, per e-mail and per client address; every attempt counts.</summary>
internal sealed class LoginRateLimiter(IConnectionMultiplexer redis, IOptions<LoginRateLimitOptions> options)
{
    // INCR and the window's expiry in one step, so no counter is ever left without a TTL.
    private const string HitScript = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return { count, redis.call('PTTL', KEYS[1]) }
        """;

    /// <summary>Null when the attempt may go ahead, otherwise how long the caller must wait.</summary>
    public async Task<TimeSpan?> TryAcquireAsync(string normalizedEmail, string clientAddress)
    {
        var limits = options.Value;
        var byEmail = HitAsync($"login-attempts:email:{Digest(normalizedEmail)}", limits.PerEmail, limits.Window);
        var byAddress = HitAsync($"login-attempts:address:{clientAddress}", limits.PerAddress, limits.Window);
        var waits = await Task.WhenAll(byEmail, byAddress);
        return waits.Max();
    }

    private async Task<TimeSpan?> HitAsync(string key, int limit, TimeSpan window)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            HitScript, [key], [(long)window.TotalMilliseconds]))!;
        var count = (long)result[0];
        var remainingMs = Math.Max((long)result[1], 1);
        return count > limit ? TimeSpan.FromMilliseconds(remainingMs) : null;
    }

    // The key names no e-mail in clear.
    private static string Digest(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
