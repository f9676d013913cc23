using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Profiles;
using Dating.Matching.Candidates;
using Dating.Matching.Data;
using MassTransit;

namespace Dating.Matching.IntegrationEvents;

internal sealed class ProfileCreatedConsumer(MatchingDbContext db) : IdempotentConsumer<ProfileCreated, MatchingDbContext>(db)
{
    protected override Task HandleAsync(ConsumeContext<ProfileCreated> context, CancellationToken ct) =>
        CandidateCardWriter.UpsertAsync(Db, ProfileCards.From(context.Message), ct);
}
