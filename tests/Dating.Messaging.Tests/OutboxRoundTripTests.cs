using Dating.BuildingBlocks.Messaging;
using Dating.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Messaging.Tests;

/// <summary>What one dispatch round costs the database: every round trip is a wait the relay pays per batch.</summary>
public sealed class OutboxRoundTripTests(BackingServicesFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_round_that_publishes_its_whole_batch_claims_and_marks_it_in_one_statement_before_its_commit()
    {
        await using var host = await MessagingHost.StartAsync(fixture, sweepInterval: TimeSpan.FromMinutes(10));
        var warmUp = await host.PlaceOrderAsync();
        await Eventually.UntilAsync(() => host.Probe.RawDeliveriesOf(warmUp) > 0, "the warm-up event to arrive");

        // No commit signal wakes the host's own dispatcher: the round below takes them.
        var orders = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        await host.PlaceOrdersUnsignalledAsync(orders);

        using var traced = new TracedStatements();
        var statements = await traced.OfAsync(() => host.WithDbAsync(db =>
            host.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(db, Ct)));

        statements.ShouldHaveSingleItem().ShouldContain("UPDATE");
        await Eventually.UntilAsync(() => orders.All(o => host.Probe.RawDeliveriesOf(o) > 0), "the round's events to arrive");

        var rows = (await host.OutboxAsync()).Where(m => orders.Any(o => m.Payload.Contains(o.ToString()))).ToList();
        rows.Count.ShouldBe(orders.Length);
        rows.ShouldAllBe(m => m.DispatchedAt != null && m.Attempts == 0);
    }
}
