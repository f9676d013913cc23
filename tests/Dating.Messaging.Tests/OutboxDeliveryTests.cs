using Dating.BuildingBlocks.Messaging;
using Dating.Messaging.Tests.Orders;
using Dating.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Messaging.Tests;

public sealed class OutboxDeliveryTests(BackingServicesFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_raised_with_a_committed_change_is_handled_exactly_once()
    {
        await using var host = await MessagingHost.StartAsync(fixture);

        var orderId = await host.PlaceOrderAsync();

        await Eventually.UntilAsync(async () => await host.DeliveriesOfAsync(orderId) > 0, "the event to be handled");
        await host.ControlEventHandledAsync(); // a later dispatch must not publish it again
        (await host.DeliveriesOfAsync(orderId)).ShouldBe(1);
        host.Probe.RawDeliveriesOf(orderId).ShouldBe(1);
        var row = (await host.OutboxAsync()).Where(m => m.Payload.Contains(orderId.ToString())).ShouldHaveSingleItem();
        row.Type.ShouldBe("dating.test-order-placed.v1");
        row.DispatchedAt.ShouldNotBeNull();
        row.Attempts.ShouldBe(0);
    }

    [Fact]
    public async Task An_event_is_published_right_after_commit_without_waiting_for_the_sweep()
    {
        await using var host = await MessagingHost.StartAsync(fixture, sweepInterval: TimeSpan.FromMinutes(10));
        var warmUp = await host.PlaceOrderAsync();
        await Eventually.UntilAsync(() => host.Probe.RawDeliveriesOf(warmUp) > 0, "the warm-up event to arrive");

        // The start-up sweep is over and the next is minutes away: only the commit signal can wake the dispatcher.
        var orderId = await host.PlaceOrderAsync();

        await Eventually.UntilAsync(() => host.Probe.RawDeliveriesOf(orderId) > 0, "the event to arrive", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_event_in_an_explicit_transaction_is_published_only_after_commit()
    {
        await using var host = await MessagingHost.StartAsync(fixture, sweepInterval: TimeSpan.FromMinutes(10));
        var orderId = Guid.NewGuid();

        await host.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.Orders.Add(new Order { Id = orderId, Item = "tulips" });
            db.AddIntegrationEvent(new OrderPlaced(orderId, "tulips"));
            await db.SaveChangesAsync(Ct);

            await host.ControlEventHandledAsync(); // a dispatch ran while the transaction was open
            host.Probe.RawDeliveriesOf(orderId).ShouldBe(0);
            await transaction.CommitAsync(Ct);
        });

        await Eventually.UntilAsync(() => host.Probe.RawDeliveriesOf(orderId) > 0, "the event to arrive after commit", TimeSpan.FromSeconds(10));
        await Eventually.UntilAsync(async () => await host.DeliveriesOfAsync(orderId) == 1, "the event to be handled");
    }

    [Fact]
    public async Task A_rolled_back_transaction_publishes_nothing()
    {
        await using var host = await MessagingHost.StartAsync(fixture);
        var rolledBack = Guid.NewGuid();

        await host.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.Orders.Add(new Order { Id = rolledBack, Item = "lilies" });
            db.AddIntegrationEvent(new OrderPlaced(rolledBack, "lilies"));
            await db.SaveChangesAsync(Ct);
            await transaction.RollbackAsync(Ct);
        });

        await ShouldNeverBePublishedAsync(host, rolledBack);
        (await host.WithDbAsync(db => db.Orders.AnyAsync(o => o.Id == rolledBack, Ct))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_failed_SaveChanges_publishes_nothing()
    {
        await using var host = await MessagingHost.StartAsync(fixture);
        var existing = Guid.NewGuid();
        await host.WithDbAsync(async db =>
        {
            db.Orders.Add(new Order { Id = existing, Item = "daisies" });
            await db.SaveChangesAsync(Ct);
        });

        await host.WithDbAsync(async db =>
        {
            db.Orders.Add(new Order { Id = existing, Item = "daisies again" }); // duplicate key: SaveChanges throws
            db.AddIntegrationEvent(new OrderPlaced(existing, "daisies again"));
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        });

        await ShouldNeverBePublishedAsync(host, existing);
    }

    [Fact]
    public async Task A_redelivered_event_with_the_same_message_id_is_handled_once()
    {
        await using var host = await MessagingHost.StartAsync(fixture);
        var bus = host.Services.GetRequiredService<IBus>();
        var orderId = Guid.NewGuid();
        var messageId = Guid.NewGuid();

        for (var i = 0; i < 2; i++)
        {
            await bus.Publish(new OrderPlaced(orderId, "peonies"), context => context.MessageId = messageId, Ct);
        }

        await Eventually.UntilAsync(() => host.Probe.RawDeliveriesOf(orderId) == 2, "both copies to arrive");
        await Eventually.UntilAsync(async () => await host.DeliveriesOfAsync(orderId) > 0, "the event to be handled");
        await host.ControlEventHandledAsync(); // the consumer's queue had the second copy before it
        (await host.DeliveriesOfAsync(orderId)).ShouldBe(1);
        var inbox = await host.WithDbAsync(db => db.Set<InboxMessage>().Where(m => m.MessageId == messageId).ToListAsync(Ct));
        inbox.ShouldHaveSingleItem().Consumer.ShouldBe(typeof(OrderPlacedConsumer).FullName);
        host.Probe.AfterCommits.GetValueOrDefault(orderId).ShouldBe(1, "after-commit work runs once, not for the skipped redelivery");
    }

    [Fact]
    public async Task After_commit_work_never_runs_for_a_handling_that_rolled_back()
    {
        await using var host = await MessagingHost.StartAsync(fixture);
        var bus = host.Services.GetRequiredService<IBus>();
        var orderId = Guid.NewGuid();

        await bus.Publish(new OrderPlaced(orderId, OrderPlacedConsumer.Unhandleable), Ct);

        // Parked in the error queue after its last retry: no attempt is left to run.
        await Eventually.UntilAsync(
            async () => await RabbitMqQueues.MessageCountAsync(fixture.RabbitMqConnectionString, $"{host.ServiceName}-order-placed_error") == 1,
            "the event to be parked in the error queue");
        host.Probe.HandlingAttempts.GetValueOrDefault(orderId).ShouldBe(MessagingHost.RetryLimit + 1);
        (await host.DeliveriesOfAsync(orderId)).ShouldBe(0, "every attempt rolled back");
        host.Probe.AfterCommits.GetValueOrDefault(orderId).ShouldBe(0);
    }

    [Fact]
    public async Task An_event_republished_after_a_crash_before_it_was_marked_is_handled_once()
    {
        await using var host = await MessagingHost.StartAsync(fixture);
        var orderId = await host.PlaceOrderAsync();
        await Eventually.UntilAsync(async () => await host.DeliveriesOfAsync(orderId) == 1, "the event to be handled");

        // As if the process died between publishing and marking the row dispatched.
        await host.WithDbAsync(db => db.Set<OutboxMessage>().ExecuteUpdateAsync(s => s.SetProperty(m => m.DispatchedAt, (DateTimeOffset?)null), Ct));

        await Eventually.UntilAsync(() => host.Probe.RawDeliveriesOf(orderId) == 2, "the event to be republished");
        await host.ControlEventHandledAsync(); // the consumer's queue had the republished copy before it
        (await host.DeliveriesOfAsync(orderId)).ShouldBe(1);
    }

    // A control event committed afterwards is handled; by then the dispatcher has swept, so the other would have arrived too.
    private static async Task ShouldNeverBePublishedAsync(MessagingHost host, Guid orderId)
    {
        var control = await host.ControlEventHandledAsync();

        host.Probe.RawDeliveriesOf(orderId).ShouldBe(0);
        (await host.DeliveriesOfAsync(orderId)).ShouldBe(0);
        (await host.OutboxAsync()).ShouldHaveSingleItem().Payload.ShouldContain(control.ToString());
    }
}
