using Dating.Testing;

namespace Dating.Messaging.Tests;

public sealed class ReplicaTests(BackingServicesFixture fixture)
{
    [Fact]
    public async Task Replicas_of_a_service_compete_for_an_event_while_every_service_gets_it()
    {
        var sharedDatabase = await fixture.CreateDatabaseAsync("messaging");
        var service = $"msgtest-{Guid.NewGuid().ToString("N")[..8]}";
        await using var replica1 = await MessagingHost.StartAsync(fixture, serviceName: service, databaseConnectionString: sharedDatabase);
        await using var replica2 = await MessagingHost.StartAsync(fixture, serviceName: service, databaseConnectionString: sharedDatabase);
        await using var otherService = await MessagingHost.StartAsync(fixture);

        // Both replicas raise events and sweep the same outbox table.
        var orders = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            orders.Add(await (i % 2 == 0 ? replica1 : replica2).PlaceOrderAsync());
        }

        await Eventually.UntilAsync(() => orders.All(o => Arrived(o) > 0), "every event to arrive at both services");

        // Once every row is marked dispatched nothing can publish it again; a control event raised after arrives after any duplicate.
        await Eventually.UntilAsync(async () => (await replica1.OutboxAsync()).All(m => m.DispatchedAt is not null), "every row to be marked dispatched");
        var control = await replica1.PlaceOrderAsync();
        await Eventually.UntilAsync(() => Arrived(control) > 0, "a later control event to arrive at both services");

        foreach (var order in orders)
        {
            (replica1.Probe.RawDeliveriesOf(order) + replica2.Probe.RawDeliveriesOf(order)).ShouldBe(1, "replicas share one queue");
            otherService.Probe.RawDeliveriesOf(order).ShouldBe(1, "another service has its own queue");
        }

        (await replica1.OutboxAsync()).Where(m => !m.Payload.Contains(control.ToString())).Count(m => m.DispatchedAt is not null).ShouldBe(orders.Count);

        int Arrived(Guid order) => Math.Min(otherService.Probe.RawDeliveriesOf(order), replica1.Probe.RawDeliveriesOf(order) + replica2.Probe.RawDeliveriesOf(order));
    }
}
