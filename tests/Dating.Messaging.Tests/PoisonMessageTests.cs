using Dating.BuildingBlocks.Messaging;
using Dating.Messaging.Tests.Orders;
using Dating.Testing;

namespace Dating.Messaging.Tests;

public sealed class PoisonMessageTests(BackingServicesFixture fixture)
{
    [Fact]
    public async Task A_message_that_always_fails_is_retried_then_parked_in_the_error_queue()
    {
        await using var host = await MessagingHost.StartAsync(fixture, consumers: c => c.AddConsumer<PoisonPillConsumer>());
        var pill = new PoisonPill(Guid.NewGuid());

        await host.WithDbAsync(async db =>
        {
            db.AddIntegrationEvent(pill);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var errorQueue = $"{host.ServiceName}-poison-pill_error";
        await Eventually.UntilAsync(
            async () => await RabbitMqQueues.MessageCountAsync(fixture.RabbitMqConnectionString, errorQueue) == 1,
            "the pill to be parked in the error queue");
        host.Probe.PoisonAttempts[pill.Id].ShouldBe(MessagingHost.RetryLimit + 1);
        (await RabbitMqQueues.MessageCountAsync(fixture.RabbitMqConnectionString, $"{host.ServiceName}-poison-pill")).ShouldBe(0u);
    }
}
