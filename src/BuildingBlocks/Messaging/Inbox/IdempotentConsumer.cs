using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dating.BuildingBlocks.Messaging;

/// <summary>
/// A consumer whose effects happen at most once per message: the inbox row (message id, consumer) is
/// written in the same transaction as <see cref="HandleAsync"/>'s changes, so a redelivery (broker retry,
/// outbox re-publish after a crash) finds it and does nothing. A failure rolls both back and MassTransit retries.
/// Effects outside the database (push to clients, delete a blob, clear a cache) go through <see cref="AfterCommit"/>:
/// they run once the handling commits, never for a rolled-back attempt or a skipped redelivery.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext
{
    /// <summary>The module's DbContext: HandleAsync's changes to it commit together with the inbox row.</summary>
    protected TDbContext Db { get; } = db;

    /// <summary>The inbox key's second half: stable, and distinct per consumer sharing one inbox table.</summary>
    protected virtual string ConsumerName => GetType().FullName ?? GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId: the inbox cannot recognise its redelivery.");
        var ct = context.CancellationToken;

        await Db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            Db.ChangeTracker.Clear();
            await using var transaction = await Db.Database.BeginTransactionAsync(ct);
            if (!await TryClaimAsync(messageId, ct))
            {
                return;
            }

            await HandleAsync(context, ct);
            await Db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
    }

    /// <summary>The message's effects: change <see cref="Db"/>; the base class saves and commits.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken ct);

    // Inserting the inbox row first also serialises concurrent deliveries of one message: the second
    // insert waits on the first transaction's key, then fails as a duplicate once it commits.
    private async Task<bool> TryClaimAsync(Guid messageId, CancellationToken ct)
    {
        var inbox = Db.Set<InboxMessage>();
        if (await inbox.AnyAsync(m => m.MessageId == messageId && m.Consumer == ConsumerName, ct))
        {
            return false;
        }

        inbox.Add(new InboxMessage { MessageId = messageId, Consumer = ConsumerName, ProcessedAt = DateTimeOffset.UtcNow });
        try
        {
            await Db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation,
            ConstraintName: InboxMessageConfiguration.PrimaryKey,
        })
        {
            return false;
        }
    }
}
