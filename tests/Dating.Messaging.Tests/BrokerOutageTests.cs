using System.Diagnostics;
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
        Guid orderId;

        await fixture.StopResourceAsync("rabbitmq", Ct);
        try
        {
            var requestTime = Stopwatch.StartNew();
            orderId = await host.PlaceOrderAsync();
            requestTime.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2), "the request path never waits for the broker");

            // The dispatcher tried, failed within its timeout, and left the event in the outbox.
            (await Eventually.HoldsAsync(
                async () => (await host.OutboxAsync()).Any(m => m.Attempts > 0 && m.DispatchedAt == null),
                TimeSpan.FromSeconds(30))).ShouldBeTrue();

            // Readiness degrades but does not fail: requests keep working while the outbox holds the events.
            (await Eventually.HoldsAsync(
                async () => (await health.CheckHealthAsync(Ct)).Entries["masstransit"].Status != HealthStatus.Healthy,
                TimeSpan.FromSeconds(30))).ShouldBeTrue();
            (await health.CheckHealthAsync(Ct)).Entries["masstransit"].Status.ShouldBe(HealthStatus.Degraded);
        }
        finally
        {
            await fixture.StartResourceAsync("rabbitmq", CancellationToken.None);
        }

        (await Eventually.HoldsAsync(async () => await host.DeliveriesOfAsync(orderId) > 0, TimeSpan.FromSeconds(120))).ShouldBeTrue();
        await Task.Delay(3 * MessagingHost.SweepInterval, Ct);
        (await host.DeliveriesOfAsync(orderId)).ShouldBe(1);
        (await Eventually.HoldsAsync(
            async () => (await health.CheckHealthAsync(Ct)).Entries["masstransit"].Status == HealthStatus.Healthy,
            TimeSpan.FromSeconds(60))).ShouldBeTrue();
    }
}
