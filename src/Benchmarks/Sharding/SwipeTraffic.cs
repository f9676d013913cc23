using System.Collections.Concurrent;
using System.Net;
using Dating.Benchmarks.Api;

namespace Dating.Benchmarks.Sharding;

/// <summary>
/// Swipes of registered users on seeded ones through the gateway, each a pair never swiped before, so every acknowledged
/// swipe is one new row; a seeded user never swipes, so a like's like-back check runs and finds nothing (no match to
/// make: the step measured is the check). Likes and passes alternate per swiper. Thread-safe; keeps every acknowledged swipe.
/// </summary>
public sealed class SwipeTraffic(GatewayClient api, IReadOnlyList<BenchmarkUser> swipers, IReadOnlyList<Guid> targets)
{
    public const string Like = "like";
    public const string Pass = "pass";

    private int _sent = -1;

    public ConcurrentQueue<SentSwipe> Acknowledged { get; } = new();

    public IReadOnlyList<BenchmarkUser> Swipers => swipers;

    public GatewayClient Api => api;

    /// <summary>The next pair: swipers in turn, each walking the seeded users from an offset of its own.</summary>
    public (BenchmarkUser Swiper, Guid Target, string Decision) Next()
    {
        var (step, swiper) = Math.DivRem(Interlocked.Increment(ref _sent), swipers.Count);
        if (step >= targets.Count)
        {
            throw new InvalidOperationException($"Every swiper has swiped all {targets.Count} seeded users; seed more.");
        }

        var target = targets[(int)(((long)swiper * targets.Count / swipers.Count + step) % targets.Count)];
        return (swipers[swiper], target, step % 2 == 0 ? Like : Pass);
    }

    public async Task<bool> SendAsync(BenchmarkUser swiper, Guid target, string decision, CancellationToken ct)
    {
        var (status, _) = await api.SendJsonAsync(HttpMethod.Post, "/api/matching/swipes", swiper.Token, new { targetUserId = target, decision }, ct);
        if (status != HttpStatusCode.OK)
        {
            return false;
        }

        Acknowledged.Enqueue(new SentSwipe(swiper.UserId, target, decision));
        return true;
    }

    public Task<bool> SendNextAsync(CancellationToken ct)
    {
        var (swiper, target, decision) = Next();
        return SendAsync(swiper, target, decision, ct);
    }
}
