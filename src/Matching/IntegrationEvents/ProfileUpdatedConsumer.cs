using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Profiles;
using Dating.Matching.Candidates;
using Dating.Matching.CardCache;
using Dating.Matching.Data;
using Dating.Matching.Queues;
using MassTransit;

namespace Dating.Matching.IntegrationEvents;

internal sealed class ProfileUpdatedConsumer(
    MatchingDbContext db, RecommendationQueue queue, CardInvalidations invalidations, AfterCommit afterCommit)
    : IdempotentConsumer<ProfileUpdated, MatchingDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<ProfileUpdated> context, CancellationToken ct)
    {
        if (await CandidateCardWriter.UpsertAsync(Db, ProfileCards.From(context.Message), ct))
        {
            // After the commit, so that neither a cached card nor a refill can pick the old one up again.
            afterCommit.Enqueue(Db, async () =>
            {
                await invalidations.PublishAsync(context.Message.UserId);

                // New preferences or location: the user's queue was computed for the old ones.
                await queue.ForgetUserBestEffortAsync(context.Message.UserId, alsoActivity: false);
            });
        }
    }
}
