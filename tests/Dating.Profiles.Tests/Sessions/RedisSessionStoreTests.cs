using Dating.BuildingBlocks.Sessions;
using Dating.Profiles.Tests.Infrastructure;
using Dating.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dating.Profiles.Tests.Sessions;

public sealed class RedisSessionStoreTests(BackingServicesFixture backing) : IAsyncLifetime
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private ConnectionMultiplexer _redis = null!;
    private RedisSessionStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(backing.RedisConnectionString);
        _store = new RedisSessionStore(_redis, Options.Create(new SessionOptions()), _clock, NullLogger<RedisSessionStore>.Instance);
    }

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task A_new_session_lasts_fourteen_days()
    {
        var userId = Guid.NewGuid();

        var issued = await _store.CreateAsync(userId, default);

        issued.ExpiresAt.ShouldBe(_clock.GetUtcNow() + Lifetime);
        var session = await _store.ValidateAsync(issued.Token, default);
        session.ShouldBe(new SessionInfo(userId, issued.ExpiresAt));
        var ttl = await _redis.GetDatabase().KeyTimeToLiveAsync($"session:{SessionToken.Hash(issued.Token)}");
        ttl.ShouldNotBeNull().ShouldBeInRange(Lifetime - TimeSpan.FromMinutes(1), Lifetime);
    }

    [Fact]
    public async Task Each_use_slides_the_expiry()
    {
        var issued = await _store.CreateAsync(Guid.NewGuid(), default);

        _clock.Advance(TimeSpan.FromDays(10));
        var used = await _store.ValidateAsync(issued.Token, default);

        used.ShouldNotBeNull().ExpiresAt.ShouldBe(_clock.GetUtcNow() + Lifetime);
        _clock.Advance(TimeSpan.FromDays(10));
        (await _store.ValidateAsync(issued.Token, default)).ShouldNotBeNull("20 days old but used 10 days ago");
    }

    [Fact]
    public async Task Uses_within_a_minute_do_not_rewrite_the_session()
    {
        var issued = await _store.CreateAsync(Guid.NewGuid(), default);

        _clock.Advance(TimeSpan.FromSeconds(30));
        var used = await _store.ValidateAsync(issued.Token, default);

        used.ShouldNotBeNull().ExpiresAt.ShouldBe(issued.ExpiresAt);
    }

    [Fact]
    public async Task A_session_unused_for_fourteen_days_is_dead()
    {
        var issued = await _store.CreateAsync(Guid.NewGuid(), default);

        _clock.Advance(Lifetime + TimeSpan.FromSeconds(1));

        (await _store.ValidateAsync(issued.Token, default)).ShouldBeNull();
    }

    [Fact]
    public async Task Revoking_a_token_kills_only_that_session()
    {
        var userId = Guid.NewGuid();
        var first = await _store.CreateAsync(userId, default);
        var second = await _store.CreateAsync(userId, default);

        await _store.RevokeAsync(first.Token, default);

        (await _store.ValidateAsync(first.Token, default)).ShouldBeNull();
        (await _store.ValidateAsync(second.Token, default)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Revoking_all_kills_every_session_of_the_user_and_no_other()
    {
        var userId = Guid.NewGuid();
        var tokens = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            tokens.Add((await _store.CreateAsync(userId, default)).Token);
        }

        var someoneElse = await _store.CreateAsync(Guid.NewGuid(), default);

        await _store.RevokeAllAsync(userId, default);

        foreach (var token in tokens)
        {
            (await _store.ValidateAsync(token, default)).ShouldBeNull();
        }

        (await _store.ValidateAsync(someoneElse.Token, default)).ShouldNotBeNull();
    }

    [Fact]
    public async Task An_unknown_or_malformed_token_has_no_session()
    {
        (await _store.ValidateAsync(SessionToken.Generate(), default)).ShouldBeNull();
        (await _store.ValidateAsync("not a token", default)).ShouldBeNull();
    }

    [Fact]
    public async Task A_login_that_waits_for_a_replica_that_is_not_there_waits_its_timeout_and_still_gets_its_session()
    {
        var waiting = new SessionOptions { ReplicaAcknowledgements = 1, ReplicaAcknowledgementTimeout = TimeSpan.FromMilliseconds(300) };
        var store = new RedisSessionStore(_redis, Options.Create(waiting), _clock, NullLogger<RedisSessionStore>.Instance);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var issued = await store.CreateAsync(Guid.NewGuid(), default);

        // The test Redis has no replica, so WAIT answers 0 only at its timeout: proof the login waited for one.
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250));
        (await store.ValidateAsync(issued.Token, default)).ShouldNotBeNull();
    }
}
