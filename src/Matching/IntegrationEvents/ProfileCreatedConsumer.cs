using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Profiles;
using Dating.Matching.Candidates;
using Dating.Matching.CardCache;
using Dating.Matching.Data;
using MassTransit;

namespace Dating.Matching.IntegrationEvents;

internal sealed class ProfileCreatedConsumer(MatchingDbContext db, CardInvalidations invalidations)
    : IdempotentConsumer<ProfileCreated, MatchingDbContext>(db)
{
    private bool _changed;

    protected override async Task HandleAsync(ConsumeContext<ProfileCreated> context, CancellationToken ct) =>
        _changed = await CandidateCardWriter.UpsertAsync(Db, ProfileCards.From(context.Message), ct);

    protected override async Task AfterCommitAsync(ConsumeContext<ProfileCreated> context, CancellationToken ct)
    {
        if (_changed)
        {
            await invalidations.PublishAsync(context.Message.UserId);
        }
    }
}
