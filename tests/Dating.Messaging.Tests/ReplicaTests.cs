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

        (await Eventually.HoldsAsync(
            () => orders.All(o => otherService.Probe.RawDeliveriesOf(o) > 0 && replica1.Probe.RawDeliveriesOf(o) + replica2.Probe.RawDeliveriesOf(o) > 0),
            TimeSpan.FromSeconds(30))).ShouldBeTrue();
        await Task.Delay(2 * MessagingHost.SweepInterval, TestContext.Current.CancellationToken);

        foreach (var order in orders)
        {
            (replica1.Probe.RawDeliveriesOf(order) + replica2.Probe.RawDeliveriesOf(order)).ShouldBe(1, "replicas share one queue");
            otherService.Probe.RawDeliveriesOf(order).ShouldBe(1, "another service has its own queue");
        }

        (await replica1.OutboxAsync()).Count(m => m.DispatchedAt is not null).ShouldBe(orders.Count);
    }
}
