using System.Diagnostics;
using Dating.BuildingBlocks.Messaging;
using Dating.Messaging.Tests.Orders;
using Dating.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dating.Messaging.Tests;

[CollectionDefinition(nameof(BrokerOutage), DisableParallelization = true)]
public sealed class BrokerOutage;

[Collection(nameof(BrokerOutage))]
public sealed class BrokerOutageTests(BackingServicesFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_committed_while_the_broker_is_down_arrives_once_it_is_back()
    {
        await using var host = await MessagingHost.StartAsync(fixture);
        var health = host.Services.GetRequiredService<HealthCheckService>();
        Guid orderId, secondId;

        await fixture.StopResourceAsync("rabbitmq", Ct);
        try
        {
            var requestTime = Stopwatch.StartNew();
            (orderId, secondId) = await host.WithDbAsync(async db =>
            {
                var ids = (First: Guid.NewGuid(), Second: Guid.NewGuid());
                foreach (var id in new[] { ids.First, ids.Second })
                {
                    db.Orders.Add(new Order { Id = id, Item = "irises" });
                    db.AddIntegrationEvent(new OrderPlaced(id, "irises"));
                }

                await db.SaveChangesAsync(Ct);
                return ids;
            });
            requestTime.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2), "the request path never waits for the broker");

            // The dispatcher claimed both, tried the first, failed within its timeout, and left both in the outbox: the
            // second, not tried, is unmarked too.
            await Eventually.UntilAsync(
                async () => (await host.OutboxAsync()).Any(m => m.Attempts > 0 && m.DispatchedAt == null),
                "a failed publish attempt in the outbox");
            (await host.OutboxAsync()).ShouldAllBe(m => m.DispatchedAt == null);

            // Readiness degrades but does not fail: requests keep working while the outbox holds the events.
            await Eventually.UntilAsync(
                async () => (await health.CheckHealthAsync(Ct)).Entries["masstransit"].Status != HealthStatus.Healthy,
                "the bus to report unhealthy");
            (await health.CheckHealthAsync(Ct)).Entries["masstransit"].Status.ShouldBe(HealthStatus.Degraded);
        }
        finally
        {
            await fixture.StartResourceAsync("rabbitmq", CancellationToken.None);
        }

        await Eventually.UntilAsync(
            async () => await host.DeliveriesOfAsync(orderId) > 0 && await host.DeliveriesOfAsync(secondId) > 0,
            "both events to be handled once the broker is back", TimeSpan.FromSeconds(120));
        await host.ControlEventHandledAsync(); // a later dispatch must not publish them again
        (await host.DeliveriesOfAsync(orderId)).ShouldBe(1);
        (await host.DeliveriesOfAsync(secondId)).ShouldBe(1);
        await Eventually.UntilAsync(
            async () => (await health.CheckHealthAsync(Ct)).Entries["masstransit"].Status == HealthStatus.Healthy,
            "the bus to report healthy", TimeSpan.FromSeconds(60));
    }
}
