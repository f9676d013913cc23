using Dating.BuildingBlocks.Messaging;
using Dating.Profiles.Data;
using Dating.Profiles.ProfileManagement;
using MassTransit;

namespace Dating.Profiles.IntegrationEvents;

/// <summary>
/// A photo event changes what a public profile shows: the cached profile is dropped after the base class
/// commits (dropped before, a concurrent read could cache the old photos again until the TTL), and again on a
/// redelivery, in case the first attempt failed after the commit.
/// </summary>
internal abstract class PhotoEventConsumer<TMessage>(ProfilesDbContext db, PublicProfiles profiles)
    : IdempotentConsumer<TMessage, ProfilesDbContext>(db), IConsumer<TMessage>
    where TMessage : class
{
    protected abstract Guid UserIdOf(TMessage message);

    // Re-implemented so MassTransit calls this, which wraps the base class's whole transaction.
    async Task IConsumer<TMessage>.Consume(ConsumeContext<TMessage> context)
    {
        await Consume(context);
        await profiles.ChangedAsync(UserIdOf(context.Message), context.CancellationToken);
    }
}
