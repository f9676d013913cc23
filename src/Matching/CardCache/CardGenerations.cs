namespace Dating.Matching.CardCache;

/// <summary>
/// Invalidation counters, striped so memory stays fixed however many users come by: a reader that saw a
/// generation before loading stores its card only if the generation is still the same. A bump on another user
/// of the same stripe only costs a store (a later miss), never correctness.
/// </summary>
internal sealed class CardGenerations(int stripes = 4096)
{
    private readonly long[] _stripes = new long[stripes];
    private long _epoch;

    // Both parts only grow, so their sum changes whenever either does.
    public long Of(Guid userId) => Volatile.Read(ref _epoch) + Volatile.Read(ref _stripes[StripeOf(userId)]);

    public void Bump(Guid userId) => Interlocked.Increment(ref _stripes[StripeOf(userId)]);

    public void BumpAll() => Interlocked.Increment(ref _epoch);

    private int StripeOf(Guid userId) => (int)((uint)userId.GetHashCode() % (uint)_stripes.Length);
}
