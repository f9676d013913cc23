using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Photos;
using Dating.Matching.Candidates;
using Dating.Matching.Data;
using MassTransit;

namespace Dating.Matching.IntegrationEvents;

internal sealed class PhotoDeletedConsumer(MatchingDbContext db) : IdempotentConsumer<PhotoDeleted, MatchingDbContext>(db)
{
    protected override Task HandleAsync(ConsumeContext<PhotoDeleted> context, CancellationToken ct) =>
        CandidateCardWriter.ForgetPhotoAsync(Db, context.Message.UserId, context.Message.PhotoId, context.Message.OccurredAt, ct);
}
