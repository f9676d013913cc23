using Dating.Contracts;
using Dating.Profiles.ProfileManagement;
using Dating.Testing;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dating.Profiles.Tests.ProfileManagement;

/// <summary>The cache on its own, on the real Redis, with loads the test holds open to interleave a writer.</summary>
public sealed class PublicProfileCacheRaceTests(BackingServicesFixture backing) : IAsyncLifetime
{
    private ConnectionMultiplexer _redis = null!;
    private PublicProfileCache _cache = null!;

    public async ValueTask InitializeAsync()
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(backing.RedisConnectionString);
        _cache = new PublicProfileCache(_redis, Options.Create(new PublicProfileCacheOptions()));
    }

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task A_read_that_loaded_before_a_writer_invalidated_does_not_store_what_it_loaded()
    {
        var userId = Guid.NewGuid();
        var loaded = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        // The reader loads the old profile and is held before it stores; the writer commits and invalidates then.
        var reader = _cache.GetOrLoadAsync(userId, async _ =>
        {
            loaded.SetResult();
            await release.Task;
            return Snapshot(userId, "Old name");
        }, TestContext.Current.CancellationToken);
        await loaded.Task;
        await _cache.InvalidateAsync(userId);
        release.SetResult();
        (await reader).ShouldNotBeNull().DisplayName.ShouldBe("Old name");

        var next = await _cache.GetOrLoadAsync(
            userId, _ => Task.FromResult<PublicProfileSnapshot?>(Snapshot(userId, "New name")), TestContext.Current.CancellationToken);

        next.ShouldNotBeNull().DisplayName.ShouldBe("New name", "the old profile must not have been cached");
    }

    [Fact]
    public async Task A_read_after_an_invalidation_is_cached_until_the_next_one()
    {
        var userId = Guid.NewGuid();
        await _cache.InvalidateAsync(userId);
        var loads = 0;
        Task<PublicProfileSnapshot?> Load(CancellationToken _)
        {
            loads++;
            return Task.FromResult<PublicProfileSnapshot?>(Snapshot(userId, $"Load {loads}"));
        }

        (await _cache.GetOrLoadAsync(userId, Load, TestContext.Current.CancellationToken))!.DisplayName.ShouldBe("Load 1");
        (await _cache.GetOrLoadAsync(userId, Load, TestContext.Current.CancellationToken))!.DisplayName.ShouldBe("Load 1");
        await _cache.InvalidateAsync(userId);
        (await _cache.GetOrLoadAsync(userId, Load, TestContext.Current.CancellationToken))!.DisplayName.ShouldBe("Load 2");
        (await _cache.GetOrLoadAsync(userId, Load, TestContext.Current.CancellationToken))!.DisplayName.ShouldBe("Load 2");

        loads.ShouldBe(2);
    }

    [Fact]
    public async Task With_no_time_to_live_every_read_loads_and_nothing_is_stored()
    {
        var userId = Guid.NewGuid();
        var off = new PublicProfileCache(_redis, Options.Create(new PublicProfileCacheOptions { TimeToLive = TimeSpan.Zero }));
        var loads = 0;
        Task<PublicProfileSnapshot?> Load(CancellationToken _) => Task.FromResult<PublicProfileSnapshot?>(Snapshot(userId, $"Load {++loads}"));

        (await off.GetOrLoadAsync(userId, Load, TestContext.Current.CancellationToken))!.DisplayName.ShouldBe("Load 1");
        (await off.GetOrLoadAsync(userId, Load, TestContext.Current.CancellationToken))!.DisplayName.ShouldBe("Load 2");

        // The cache that is on finds nothing the other one stored.
        (await _cache.GetOrLoadAsync(userId, Load, TestContext.Current.CancellationToken))!.DisplayName.ShouldBe("Load 3");
    }

    private static PublicProfileSnapshot Snapshot(Guid userId, string name) =>
        new(userId, name, new DateOnly(1995, 5, 1), null, Gender.Woman, [], []);
}
