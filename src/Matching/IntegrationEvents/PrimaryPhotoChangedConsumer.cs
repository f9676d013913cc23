using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Photos;
using Dating.Matching.Candidates;
using Dating.Matching.Data;
using MassTransit;

namespace Dating.Matching.IntegrationEvents;

internal sealed class PrimaryPhotoChangedConsumer(MatchingDbContext db) : IdempotentConsumer<PrimaryPhotoChanged, MatchingDbContext>(db)
{
    protected override Task HandleAsync(ConsumeContext<PrimaryPhotoChanged> context, CancellationToken ct) =>
        CandidateCardWriter.SetPrimaryPhotoAsync(Db, context.Message.UserId, context.Message.PhotoId, context.Message.OccurredAt, ct);
}
