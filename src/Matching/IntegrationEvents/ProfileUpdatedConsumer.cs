using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Profiles;
using Dating.Matching.Candidates;
using Dating.Matching.Data;
using Dating.Matching.Queues;
using MassTransit;

namespace Dating.Matching.IntegrationEvents;

internal sealed class ProfileUpdatedConsumer(MatchingDbContext db, RecommendationQueue queue)
    : IdempotentConsumer<ProfileUpdated, MatchingDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<ProfileUpdated> context, CancellationToken ct)
    {
        if (await CandidateCardWriter.UpsertAsync(Db, ProfileCards.From(context.Message), ct))
        {
            // New preferences or location: the user's queue was computed for the old ones.
            await queue.ForgetUserBestEffortAsync(context.Message.UserId, alsoActivity: false);
        }
    }
}
