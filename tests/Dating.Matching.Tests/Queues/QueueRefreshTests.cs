using Dating.Matching.Queues;
using Dating.Matching.Tests.Infrastructure;
using Dating.Matching.Tests.Recommendations;
using Dating.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Matching.Tests.Queues;

/// <summary>The batch job every second, no low-watermark refill: only the job can add to a queue.</summary>
public sealed class FrequentBatchMatchingService(BackingServicesFixture backing) : MatchingService(backing)
{
    protected override void Configure(IDictionary<string, string?> configuration)
    {
        configuration["Matching:Queues:RefreshInterval"] = "00:00:01";
        configuration["Matching:Queues:LowWatermark"] = "0";
    }
}

public sealed class QueueBatchTests(QueueOnlyMatchingService service) : IClassFixture<QueueOnlyMatchingService>
{
    private const string LockKey = "matching:queues:batch-lock";

    [Fact]
    public async Task The_batch_recomputes_the_queues_of_active_users_and_holds_a_lock_while_it_runs()
    {
        var place = Places.Somewhere();
        using var me = await service.AddAsync(Person.Woman(place));
        var first = Person.Man(place.North(1));
        await service.AddAsync(first);
        (await me.RecommendedIdsAsync()).ShouldBe([first.UserId]);
        var newcomer = Person.Man(place.North(0.5));
        await service.AddAsync(newcomer);
        var job = service.Host.Services.GetRequiredService<QueueRefreshJob>();

        // Another replica holds the lock: this one skips its turn.
        (await service.Redis.LockTakeAsync(LockKey, "another-replica", TimeSpan.FromSeconds(30))).ShouldBeTrue();
        (await job.RunBatchAsync(TestContext.Current.CancellationToken)).ShouldBeNull();
        (await QueuedAsync(me.UserId)).ShouldBe([first.UserId]);
        (await service.Redis.LockReleaseAsync(LockKey, "another-replica")).ShouldBeTrue();

        (await job.RunBatchAsync(TestContext.Current.CancellationToken)).ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(1);

        (await QueuedAsync(me.UserId)).ShouldBe([newcomer.UserId, first.UserId]);
        (await service.Redis.KeyExistsAsync(LockKey)).ShouldBeFalse("the lock is released after the batch");
    }

    private async Task<Guid[]> QueuedAsync(Guid userId) =>
        [.. (await service.Redis.ListRangeAsync(RecommendationQueue.KeyOf(userId))).Select(v => Guid.Parse(v.ToString()))];
}

public sealed class PeriodicRefreshTests(FrequentBatchMatchingService service) : IClassFixture<FrequentBatchMatchingService>
{
    [Fact]
    public async Task The_periodic_job_brings_new_candidates_into_an_active_users_queue()
    {
        var place = Places.Somewhere();
        using var me = await service.AddAsync(Person.Woman(place));
        var first = Person.Man(place.North(1));
        await service.AddAsync(first);
        (await me.RecommendedIdsAsync()).ShouldBe([first.UserId]);

        var newcomer = Person.Man(place.North(2));
        await service.AddAsync(newcomer);

        await Eventually.UntilAsync(
            async () => (await service.Redis.ListRangeAsync(RecommendationQueue.KeyOf(me.UserId))).Contains(newcomer.UserId.ToString()),
            "the batch job to refresh the queue",
            TimeSpan.FromSeconds(20));

        (await me.RecommendedIdsAsync()).ShouldBe([first.UserId, newcomer.UserId]);
    }
}

public sealed class LowQueueRefillTests(MatchingService service) : IClassFixture<MatchingService>
{
    [Fact]
    public async Task A_queue_that_runs_low_is_refilled_in_the_background()
    {
        var place = Places.Somewhere();
        using var me = await service.AddAsync(Person.Woman(place));
        var first = Person.Man(place.North(1));
        await service.AddAsync(first);
        (await me.RecommendedIdsAsync()).ShouldBe([first.UserId]);
        var newcomer = Person.Man(place.North(2));
        await service.AddAsync(newcomer);

        await me.RecommendedIdsAsync(); // one queued candidate is below the low watermark: a refill follows

        await Eventually.UntilAsync(
            async () => (await service.Redis.ListRangeAsync(RecommendationQueue.KeyOf(me.UserId))).Contains(newcomer.UserId.ToString()),
            "the queue to be refilled",
            TimeSpan.FromSeconds(20));
    }
}
