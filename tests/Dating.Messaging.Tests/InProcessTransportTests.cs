using Dating.BuildingBlocks.Messaging;
using Dating.Messaging.Tests.Orders;
using Dating.Testing;

namespace Dating.Messaging.Tests;

public sealed class InProcessTransportTests(BackingServicesFixture fixture)
{
    // In process the relay runs the consumers itself: a row is marked sent only once they handled it, so a process
    // killed in between leaves it unsent for the next sweep (any replica's). The in-memory transport marked it as soon
    // as it was queued in memory, and a kill -9 lost it.
    [Fact]
    public async Task In_process_an_event_is_marked_sent_only_once_handled_and_a_failing_one_holds_up_no_other()
    {
        await using var host = await MessagingHost.StartAsync(fixture, MessageBusTransport.InProcess);

        var failing = await host.PlaceOrderAsync(OrderPlacedConsumer.Unhandleable);
        var later = await host.PlaceOrderAsync();

        await Eventually.UntilAsync(async () => await host.DeliveriesOfAsync(later) > 0, "the later event to be handled");
        await Eventually.UntilAsync(() => host.Probe.HandlingAttempts.GetValueOrDefault(failing) >= 2, "the failing event to be tried again by the sweep");
        var row = (await host.OutboxAsync()).Single(m => m.Payload.Contains(failing.ToString()));
        row.DispatchedAt.ShouldBeNull();
        row.Attempts.ShouldBeGreaterThan(0);
        (await host.DeliveriesOfAsync(failing)).ShouldBe(0);
        (await host.OutboxAsync()).Single(m => m.Payload.Contains(later.ToString())).DispatchedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task The_same_module_delivers_its_events_in_process()
    {
        await using var host = await MessagingHost.StartAsync(fixture, MessageBusTransport.InProcess);

        var orderId = await host.PlaceOrderAsync();

        await Eventually.UntilAsync(async () => await host.DeliveriesOfAsync(orderId) > 0, "the event to be handled");
        await host.ControlEventHandledAsync(); // a later dispatch must not publish it again
        (await host.DeliveriesOfAsync(orderId)).ShouldBe(1);
        host.Probe.RawDeliveriesOf(orderId).ShouldBe(1);
        (await host.OutboxAsync()).Where(m => m.Payload.Contains(orderId.ToString())).ShouldHaveSingleItem().DispatchedAt.ShouldNotBeNull();
    }
}
