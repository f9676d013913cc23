using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Profiles;
using MassTransit;

namespace Dating.Architecture.Tests.Violations;

// A module's consumer outside IntegrationEvents, implementing IConsumer only through its base class.
internal sealed class MisplacedConsumer(HostDbContext db) : IdempotentConsumer<ProfileDeleted, HostDbContext>(db)
{
    protected override Task HandleAsync(ConsumeContext<ProfileDeleted> context, CancellationToken ct) => Task.CompletedTask;
}
