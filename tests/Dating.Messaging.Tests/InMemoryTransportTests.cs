using Dating.BuildingBlocks.Messaging;
using Dating.Testing;

namespace Dating.Messaging.Tests;

public sealed class InMemoryTransportTests(BackingServicesFixture fixture)
{
    [Fact]
    public async Task The_same_module_delivers_its_events_in_process_with_the_in_memory_transport()
    {
        await using var host = await MessagingHost.StartAsync(fixture, MessageBusTransport.InMemory);

        var orderId = await host.PlaceOrderAsync();

        await Eventually.UntilAsync(async () => await host.DeliveriesOfAsync(orderId) > 0, "the event to be handled");
        await host.ControlEventHandledAsync(); // a later dispatch must not publish it again
        (await host.DeliveriesOfAsync(orderId)).ShouldBe(1);
        host.Probe.RawDeliveriesOf(orderId).ShouldBe(1);
        (await host.OutboxAsync()).Where(m => m.Payload.Contains(orderId.ToString())).ShouldHaveSingleItem().DispatchedAt.ShouldNotBeNull();
    }
}
