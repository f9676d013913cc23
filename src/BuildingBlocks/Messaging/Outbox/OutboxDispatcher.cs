using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dating.BuildingBlocks.Messaging;

/// <summary>
/// One round of an outbox: lock a batch of pending rows, publish them, mark them dispatched.
/// <c>FOR UPDATE SKIP LOCKED</c> lets every replica sweep the same table without publishing a row twice at once.
/// It works on any context whose model has the outbox (<see cref="MessagingModelBuilderExtensions.AddOutboxTable"/>):
/// a module's, swept by <see cref="OutboxDispatcherService{TDbContext}"/>, or one a module opens itself per database
/// (Matching's shards), swept by that module.
/// </summary>
public sealed class OutboxDispatcher
{
    private readonly OutboxPublisher _publisher;
    private readonly TimeProvider _clock;
    private readonly IOptions<MessagingOptions> _options;
    private readonly ILogger<OutboxDispatcher> _logger;

    internal OutboxDispatcher(OutboxPublisher publisher, TimeProvider clock, IOptions<MessagingOptions> options, ILogger<OutboxDispatcher> logger)
    {
        _publisher = publisher;
        _clock = clock;
        _options = options;
        _logger = logger;
    }

    /// <summary>Returns true when a full batch went out and more rows may be waiting.</summary>
    public Task<bool> DispatchBatchAsync(DbContext db, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var rows = await db.Set<OutboxMessage>()
                .FromSqlRaw(PendingRowsSql(db), _options.Value.BatchSize)
                .ToListAsync(ct);

            var complete = await PublishAsync(rows, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return complete && rows.Count == _options.Value.BatchSize;
        });

    // Publishes in order; stops at the first broker failure, since the rest would only wait for the same timeout. In
    // process (the mediator) a failure is one event's, and the rest go on.
    private async Task<bool> PublishAsync(List<OutboxMessage> rows, CancellationToken ct)
    {
        foreach (var row in rows)
        {
            try
            {
                await _publisher.PublishAsync(row, ct);
                row.DispatchedAt = _clock.GetUtcNow();
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                row.Attempts++;
                row.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                if (e is UnknownIntegrationEventException or JsonException)
                {
                    _logger.LogError(e, "Outbox message {MessageId} ({Type}) cannot be published; it stays in the outbox", row.Id, row.Type);
                    continue;
                }

                if (_publisher.InProcess)
                {
                    // In process the failure is this event's consumer's: the next rows are not held up by it.
                    _logger.LogWarning(e, "Handling outbox message {MessageId} ({Type}) failed; the sweep will retry it", row.Id, row.Type);
                    continue;
                }

                _logger.LogWarning(e, "Publishing outbox message {MessageId} ({Type}) failed; the sweep will retry", row.Id, row.Type);
                return false;
            }
        }

        return true;
    }

    /// <summary>Deletes dispatched rows older than the retention (idempotent across replicas).</summary>
    public Task<int> DeleteExpiredAsync(DbContext db, CancellationToken ct)
    {
        var cutoff = _clock.GetUtcNow() - _options.Value.Retention;
        return db.Set<OutboxMessage>().Where(m => m.DispatchedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    private static string PendingRowsSql(DbContext db)
    {
        var table = db.Model.FindEntityType(typeof(OutboxMessage))
            ?? throw new InvalidOperationException($"{db.GetType().Name} has no outbox: call modelBuilder.AddOutboxTable().");
        var name = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(table.GetTableName()!, table.GetSchema());
        return $"SELECT * FROM {name} WHERE dispatched_at IS NULL ORDER BY created_at, id LIMIT {{0}} FOR UPDATE SKIP LOCKED";
    }
}
