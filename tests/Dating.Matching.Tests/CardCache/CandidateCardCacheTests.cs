using Dating.Matching.Candidates;
using Dating.Matching.CardCache;
using Dating.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dating.Matching.Tests.CardCache;

/// <summary>The cache class alone, with load functions the test controls: no servers.</summary>
public sealed class CandidateCardCacheTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public async Task A_second_read_is_served_from_memory_and_counted_as_a_hit()
    {
        var cache = Create();
        using var counters = new CardCacheCounters(_services);
        var loads = new LoadCounter();
        var id = Guid.NewGuid();

        (await cache.GetOrLoadAsync(id, loads.Of(id), Ct))!.UserId.ShouldBe(id);
        (await cache.GetOrLoadAsync(id, loads.Of(id), Ct))!.UserId.ShouldBe(id);

        loads.Count.ShouldBe(1);
        (counters.Hits, counters.Misses).ShouldBe((1L, 1L));
    }

    [Fact]
    public async Task An_invalidation_that_lands_while_a_load_is_in_flight_leaves_nothing_cached()
    {
        var cache = Create();
        var id = Guid.NewGuid();
        var gate = new TaskCompletionSource<CandidateCard?>(TaskCreationOptions.RunContinuationsAsynchronously);

        // The load read the old card; the writer commits and invalidates before the load stores it.
        var loading = cache.GetOrLoadAsync(id, _ => gate.Task, Ct);
        cache.Invalidate(id);
        gate.SetResult(Card(id, "old"));
        (await loading)!.DisplayName.ShouldBe("old");

        cache.Count.ShouldBe(0);
        (await cache.GetOrLoadAsync(id, _ => Task.FromResult<CandidateCard?>(Card(id, "new")), Ct))!.DisplayName.ShouldBe("new");
    }

    [Fact]
    public async Task A_load_with_no_invalidation_in_between_is_kept()
    {
        var cache = Create();
        var id = Guid.NewGuid();
        var gate = new TaskCompletionSource<CandidateCard?>(TaskCreationOptions.RunContinuationsAsynchronously);

        var loading = cache.GetOrLoadAsync(id, _ => gate.Task, Ct);
        cache.Invalidate(Guid.NewGuid());
        gate.SetResult(Card(id, "current"));
        await loading;

        cache.Count.ShouldBe(1);
        (await cache.GetOrLoadAsync(id, _ => throw new InvalidOperationException("should be a hit"), Ct))!.DisplayName.ShouldBe("current");
    }

    [Fact]
    public async Task Losing_the_subscription_empties_the_cache_and_stops_it_serving_until_it_returns()
    {
        var cache = Create();
        var loads = new LoadCounter();
        var id = Guid.NewGuid();
        await cache.GetOrLoadAsync(id, loads.Of(id), Ct);

        // A load in flight across the loss must not store either.
        var gate = new TaskCompletionSource<CandidateCard?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var other = Guid.NewGuid();
        var loading = cache.GetOrLoadAsync(other, _ => gate.Task, Ct);
        cache.SetServing(false);
        gate.SetResult(Card(other));
        await loading;
        cache.Count.ShouldBe(0);
        await cache.GetOrLoadAsync(id, loads.Of(id), Ct);
        await cache.GetOrLoadAsync(id, loads.Of(id), Ct);
        loads.Count.ShouldBe(3);
        cache.Count.ShouldBe(0);

        cache.SetServing(true);
        await cache.GetOrLoadAsync(id, loads.Of(id), Ct);
        await cache.GetOrLoadAsync(id, loads.Of(id), Ct);
        loads.Count.ShouldBe(4);
    }

    [Fact]
    public async Task The_cache_never_holds_more_cards_than_its_capacity()
    {
        const int capacity = 10;
        var cache = Create(capacity);
        var loads = new LoadCounter();
        var ids = Enumerable.Range(0, capacity * 3).Select(_ => Guid.NewGuid()).ToList();

        foreach (var id in ids)
        {
            (await cache.GetOrLoadAsync(id, loads.Of(id), Ct))!.UserId.ShouldBe(id);
            cache.Count.ShouldBeLessThanOrEqualTo(capacity);
        }

        // Over capacity the cache compacts in the background and tells no one when; it makes room, never more.
        await Eventually.HoldsForAsync(() => cache.Count is > 0 and <= capacity, TimeSpan.FromMilliseconds(200), "between one card and capacity");
        loads.Count.ShouldBe(ids.Count);
    }

    [Fact]
    public async Task A_card_expires_after_its_time_to_live()
    {
        var cache = Create(timeToLive: TimeSpan.FromMilliseconds(100));
        var loads = new LoadCounter();
        var id = Guid.NewGuid();
        await cache.GetOrLoadAsync(id, loads.Of(id), Ct);

        await Eventually.UntilAsync(
            async () =>
            {
                await cache.GetOrLoadAsync(id, loads.Of(id), Ct);
                return loads.Count == 2;
            },
            "the card to expire and load again",
            TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_missing_card_is_not_cached()
    {
        var cache = Create();
        var loads = 0;
        var id = Guid.NewGuid();
        Task<CandidateCard?> Missing(CancellationToken _)
        {
            loads++;
            return Task.FromResult<CandidateCard?>(null);
        }

        (await cache.GetOrLoadAsync(id, Missing, Ct)).ShouldBeNull();
        (await cache.GetOrLoadAsync(id, Missing, Ct)).ShouldBeNull();
        loads.ShouldBe(2);
    }

    public void Dispose() => _services.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CandidateCardCache Create(int capacity = 100, TimeSpan? timeToLive = null)
    {
        var options = Options.Create(new CardCacheOptions { Capacity = capacity, TimeToLive = timeToLive ?? TimeSpan.FromMinutes(5) });
        var cache = new CandidateCardCache(options, new CardCacheMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        cache.SetServing(true);
        return cache;
    }

    private static CandidateCard Card(Guid id, string name = "Alex") => new() { UserId = id, DisplayName = name };

    private sealed class LoadCounter
    {
        public int Count { get; private set; }

        public Func<CancellationToken, Task<CandidateCard?>> Of(Guid id) => _ =>
        {
            Count++;
            return Task.FromResult<CandidateCard?>(Card(id));
        };
    }
}
