using Dating.Matching.Queues;
using Dating.Matching.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Matching.Tests.Recommendations;

/// <summary>No background refill here, so a second read is served from the very queue the first read filled.</summary>
public sealed class QueueOnlyMatchingService(BackingServicesFixture backing) : MatchingService(backing)
{
    protected override void Configure(IDictionary<string, string?> configuration) =>
        configuration["Matching:Queues:LowWatermark"] = "0";
}

public sealed class ExclusionTests(QueueOnlyMatchingService service) : IClassFixture<QueueOnlyMatchingService>
{
    [Fact]
    public async Task Self_swiped_and_blocked_users_are_never_recommended_even_from_a_precomputed_queue()
    {
        var place = Places.Somewhere();
        using var me = await service.AddAsync(Person.Woman(place));
        var passed = Person.Man(place.North(1));
        var liked = Person.Man(place.North(2));
        var blockedByMe = Person.Man(place.North(3));
        var blockingMe = Person.Man(place.North(4));
        var untouched = Person.Man(place.North(5));
        using var blocker = await service.AddAsync(blockingMe);
        foreach (var man in new[] { passed, liked, blockedByMe, untouched })
        {
            await service.AddAsync(man);
        }

        var first = await me.RecommendedIdsAsync();
        first.ShouldBe([passed.UserId, liked.UserId, blockedByMe.UserId, blockingMe.UserId, untouched.UserId]);
        var queued = await QueuedAsync(me.UserId);
        queued.ShouldBe(first, "the first read fills the queue");

        await me.SwipeAsync(passed.UserId, "pass");
        await me.SwipeAsync(liked.UserId, "like");
        (await me.BlockAsync(blockedByMe.UserId)).EnsureSuccessStatusCode();
        (await blocker.BlockAsync(me.UserId)).EnsureSuccessStatusCode();
        (await QueuedAsync(me.UserId)).ShouldBe(first, "the queue still holds them: only the read can keep them out");

        var second = await me.RecommendedIdsAsync();

        second.ShouldBe([untouched.UserId]);
        (await QueuedAsync(me.UserId)).ShouldBe([untouched.UserId], "stale entries leave the queue");

        // The blocker does not see me either, whether from a queue or a fresh search.
        (await blocker.RecommendedIdsAsync()).ShouldNotContain(me.UserId);
    }

    [Fact]
    public async Task Swiping_everyone_in_the_queue_gets_a_fresh_search()
    {
        var place = Places.Somewhere();
        using var me = await service.AddAsync(Person.Woman(place));
        var first = Person.Man(place.North(1));
        await service.AddAsync(first);
        (await me.RecommendedIdsAsync()).ShouldBe([first.UserId]);

        var later = Person.Man(place.North(2));
        await service.AddAsync(later);
        await me.SwipeAsync(first.UserId, "pass");

        (await me.RecommendedIdsAsync()).ShouldBe([later.UserId]);
    }

    [Fact]
    public async Task A_profile_change_empties_the_users_own_queue()
    {
        var place = Places.Somewhere();
        var person = Person.Woman(place);
        using var me = await service.AddAsync(person);
        var man = Person.Man(place.North(1));
        await service.AddAsync(man);
        (await me.RecommendedIdsAsync()).ShouldBe([man.UserId]);

        // Now she is only interested in women: the queue computed for her old preferences must go.
        await service.PublishAsync((person with { InterestedIn = [Contracts.Gender.Woman] }).Updated());
        await Eventually.UntilAsync(async () => !await service.Redis.KeyExistsAsync(RecommendationQueue.KeyOf(me.UserId)), "the queue to be invalidated");

        (await me.RecommendedIdsAsync()).ShouldBeEmpty();
    }

    private async Task<Guid[]> QueuedAsync(Guid userId) =>
        [.. (await service.Redis.ListRangeAsync(RecommendationQueue.KeyOf(userId))).Select(v => Guid.Parse(v.ToString()))];
}
