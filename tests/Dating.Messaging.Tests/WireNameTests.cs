using Dating.Testing;

namespace Dating.Messaging.Tests;

public sealed class WireNameTests(BackingServicesFixture fixture)
{
    [Fact]
    public async Task Events_travel_under_their_versioned_wire_name()
    {
        await using var host = await MessagingHost.StartAsync(fixture);

        var orderId = await host.PlaceOrderAsync();

        await Eventually.UntilAsync(() => host.Probe.MessageTypes.ContainsKey(orderId), "the event to be handled");
        host.Probe.MessageTypes[orderId].ShouldContain("urn:message:dating.test-order-placed.v1");
        (await RabbitMqQueues.ExchangeExistsAsync(fixture.RabbitMqConnectionString, "dating.test-order-placed.v1")).ShouldBeTrue();
    }

    [Fact]
    public async Task Consumer_queues_are_prefixed_with_the_service_name()
    {
        await using var host = await MessagingHost.StartAsync(fixture);

        (await RabbitMqQueues.MessageCountAsync(fixture.RabbitMqConnectionString, $"{host.ServiceName}-order-placed")).ShouldNotBeNull();
        (await RabbitMqQueues.MessageCountAsync(fixture.RabbitMqConnectionString, $"{host.ServiceName}-order-placed-observer")).ShouldNotBeNull();
    }
}
