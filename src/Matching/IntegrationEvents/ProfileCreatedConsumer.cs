using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Profiles;
using Dating.Matching.Candidates;
using Dating.Matching.CardCache;
using Dating.Matching.Data;
using MassTransit;

namespace Dating.Matching.IntegrationEvents;

internal sealed class ProfileCreatedConsumer(MatchingDbContext db, CardInvalidations invalidations, AfterCommit afterCommit)
    : IdempotentConsumer<ProfileCreated, MatchingDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<ProfileCreated> context, CancellationToken ct)
    {
        if (await CandidateCardWriter.UpsertAsync(Db, ProfileCards.From(context.Message), ct))
        {
            afterCommit.Enqueue(Db, () => invalidations.PublishAsync(context.Message.UserId));
        }
    }
}
