using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dating.BuildingBlocks.Messaging;

/// <summary>
/// One round of the outbox: lock a batch of pending rows, publish them, mark them dispatched.
/// <c>FOR UPDATE SKIP LOCKED</c> lets every replica sweep the same table without publishing a row twice at once.
/// </summary>
internal sealed class OutboxDispatcher<TDbContext>(
    TDbContext db,
    OutboxPublisher publisher,
    TimeProvider clock,
    IOptions<MessagingOptions> options,
    ILogger<OutboxDispatcher<TDbContext>> logger)
    where TDbContext : DbContext
{
    /// <summary>Returns true when a full batch went out and more rows may be waiting.</summary>
    public Task<bool> DispatchBatchAsync(CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var rows = await db.Set<OutboxMessage>()
                .FromSqlRaw(PendingRowsSql(), options.Value.BatchSize)
                .ToListAsync(ct);

            var complete = await PublishAsync(rows, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return complete && rows.Count == options.Value.BatchSize;
        });

    // Publishes in order; stops at the first broker failure, since the rest would only wait for the same timeout. In
    // process (the mediator) a failure is one event's, and the rest go on.
    private async Task<bool> PublishAsync(List<OutboxMessage> rows, CancellationToken ct)
    {
        foreach (var row in rows)
        {
            try
            {
                await publisher.PublishAsync(row, ct);
                row.DispatchedAt = clock.GetUtcNow();
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                row.Attempts++;
                row.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                if (e is UnknownIntegrationEventException or JsonException)
                {
                    logger.LogError(e, "Outbox message {MessageId} ({Type}) cannot be published; it stays in the outbox", row.Id, row.Type);
                    continue;
                }

                if (publisher.InProcess)
                {
                    // In process the failure is this event's consumer's: the next rows are not held up by it.
                    logger.LogWarning(e, "Handling outbox message {MessageId} ({Type}) failed; the sweep will retry it", row.Id, row.Type);
                    continue;
                }

                logger.LogWarning(e, "Publishing outbox message {MessageId} ({Type}) failed; the sweep will retry", row.Id, row.Type);
                return false;
            }
        }

        return true;
    }

    private string PendingRowsSql()
    {
        var table = db.Model.FindEntityType(typeof(OutboxMessage))
            ?? throw new InvalidOperationException($"{typeof(TDbContext).Name} has no outbox: call modelBuilder.AddMessagingTables().");
        var name = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(table.GetTableName()!, table.GetSchema());
        return $"SELECT * FROM {name} WHERE dispatched_at IS NULL ORDER BY created_at, id LIMIT {{0}} FOR UPDATE SKIP LOCKED";
    }
}
