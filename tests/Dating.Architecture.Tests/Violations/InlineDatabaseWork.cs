using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Profiles;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dating.Architecture.Tests.Violations;

// Handlers that write to the database themselves instead of calling a feature class: each breaks the endpoint rule.
internal static class InlineTransactionEndpoints
{
    public static Task<NoContent> Delete(HostDbContext db, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return TypedResults.NoContent();
        });
}

// Everything here is in the async method's state machine, a nested type the rule must look into.
internal static class InlineSaveEndpoints
{
    public static async Task<NoContent> Delete(HostDbContext db, CancellationToken ct)
    {
        db.AddIntegrationEvent(new ProfileDeleted(Guid.NewGuid(), DateTimeOffset.UtcNow));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
