using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dating.BuildingBlocks.Messaging;

/// <summary>
/// One round of an outbox: claim a batch of pending rows, publish them, commit.
/// The claim locks the rows (<c>FOR UPDATE SKIP LOCKED</c>, so every replica sweeps the same table without publishing a
/// row twice at once) and marks them dispatched in the same statement, inside the round's transaction: a round that
/// publishes everything commits without another statement, and one that fails unmarks what it did not publish
/// first. Until the commit no one else sees the marks, and a crash rolls them back (the inboxes drop the re-publish).
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
                .FromSqlRaw(ClaimSql(db), _options.Value.BatchSize, _clock.GetUtcNow())
                .ToListAsync(ct);

            var complete = await PublishAsync(rows, ct);
            await db.SaveChangesAsync(ct); // nothing to save when every row went out
            await transaction.CommitAsync(ct);
            return complete && rows.Count == _options.Value.BatchSize;
        });

    // Publishes in order; stops at the first broker failure, since the rest would only wait for the same timeout. In
    // process (the mediator) a failure is one event's, and the rest go on.
    // A row not published is unmarked: the ones that failed and, after a broker failure, the ones not tried.
    private async Task<bool> PublishAsync(List<OutboxMessage> rows, CancellationToken ct)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            try
            {
                await _publisher.PublishAsync(row, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                row.DispatchedAt = null;
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
                foreach (var untried in rows.Skip(i + 1))
                {
                    untried.DispatchedAt = null;
                }

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

    // Claims the oldest pending rows ({0} of them) as dispatched at {1}, and returns them oldest first, the order they
    // are published in (an UPDATE's RETURNING has no order of its own).
    private static string ClaimSql(DbContext db)
    {
        var table = db.Model.FindEntityType(typeof(OutboxMessage))
            ?? throw new InvalidOperationException($"{db.GetType().Name} has no outbox: call modelBuilder.AddOutboxTable().");
        var name = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(table.GetTableName()!, table.GetSchema());
        return $$"""
            WITH claimed AS (
                UPDATE {{name}} SET dispatched_at = {1}
                WHERE id IN (SELECT id FROM {{name}} WHERE dispatched_at IS NULL ORDER BY created_at, id LIMIT {0} FOR UPDATE SKIP LOCKED)
                RETURNING *)
            SELECT * FROM claimed ORDER BY created_at, id
            """;
    }
}
