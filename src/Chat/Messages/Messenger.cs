using Dating.BuildingBlocks.Messaging;
using Dating.BuildingBlocks.Persistence;
using Dating.Chat.Conversations;
using Dating.Chat.Data;
using Dating.Chat.RateLimiting;
using Dating.Chat.Realtime;
using Dating.Contracts.Chat;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dating.Chat.Messages;

/// <summary>Sends a message for REST and the hub alike: checks, stores it once (with MessageSent in the outbox), then delivers it.</summary>
internal sealed class Messenger(
    ChatDbContext db,
    StandbyReads<ChatDbContext> reads,
    MessageRateLimiter rateLimiter,
    ChatNotifier notifier,
    TimeProvider time,
    ILogger<Messenger> logger)
{
    public async Task<SendOutcome> SendAsync(Guid matchId, Guid senderId, string? text, string? clientMessageId, CancellationToken ct)
    {
        Conversation? conversation = null;
        var counted = false;
        var outcome = await db.Database.CreateExecutionStrategy().ExecuteAsync<SendOutcome>(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // The conversation is read with the share of its row lock that closing takes exclusively, in one statement:
            // the checks and the insert see one state, and no message slips into a conversation as it closes.
            conversation = await db.Conversations
                .FromSql($"SELECT * FROM chat.conversations WHERE match_id = {matchId} FOR SHARE")
                .AsNoTracking()
                .SingleOrDefaultAsync(ct);
            if (conversation is null || !conversation.Involves(senderId))
            {
                return new SendOutcome.NotFound();
            }

            if (!conversation.IsOpen)
            {
                return new SendOutcome.Closed();
            }

            var trimmed = text?.Trim() ?? "";
            if (trimmed.Length is 0 or > Message.MaxTextLength)
            {
                return new SendOutcome.Invalid("text", $"The text must be 1 to {Message.MaxTextLength} characters after trimming.");
            }

            if (clientMessageId is not null && (string.IsNullOrWhiteSpace(clientMessageId) || clientMessageId.Length > Message.MaxClientMessageIdLength))
            {
                return new SendOutcome.Invalid("clientMessageId", $"The clientMessageId must be 1 to {Message.MaxClientMessageIdLength} characters.");
            }

            // A retry is answered before the rate limit: it stores nothing.
            if (clientMessageId is not null && await FindRetriedAsync(matchId, senderId, clientMessageId, ct) is { } retried)
            {
                return retried;
            }

            // Counted once per send, also when the execution strategy runs this again after a transient failure.
            if (!counted)
            {
                counted = true;
                if (await rateLimiter.TryAcquireAsync(senderId) is { } retryAfter)
                {
                    return new SendOutcome.RateLimited(retryAfter);
                }
            }

            return await StoreAsync(NewMessage(matchId, senderId, trimmed, clientMessageId), conversation.OtherThan(senderId), transaction, ct);
        });

        if (outcome is SendOutcome.Sent { IsNew: false } && clientMessageId is not null)
        {
            return await FindRetriedAsync(matchId, senderId, clientMessageId, ct) ?? outcome;
        }

        if (outcome is SendOutcome.Sent { IsNew: true } sent)
        {
            await reads.WroteAsync([MessageHistory.ReaderKey(matchId)], ct);
            await DeliverAsync(sent.Message, conversation!);
        }

        return outcome;
    }

    private Message NewMessage(Guid matchId, Guid senderId, string text, string? clientMessageId)
    {
        var now = time.GetUtcNow();
        return new Message
        {
            Id = Guid.CreateVersion7(now),
            MatchId = matchId,
            SenderId = senderId,
            Text = text,
            SentAt = now.AddTicks(-(now.Ticks % 10)), // PostgreSQL keeps microseconds; answer what a re-read returns
            ClientMessageId = clientMessageId,
        };
    }

    // In the transaction that holds the conversation's row lock: the message and its MessageSent, committed together.
    private async Task<SendOutcome> StoreAsync(Message message, Guid recipientId, IDbContextTransaction transaction, CancellationToken ct)
    {
        db.Messages.Add(message);
        db.AddIntegrationEvent(new MessageSent(message.Id, message.MatchId, message.SenderId, recipientId, message.SentAt));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation,
            ConstraintName: MessageConfiguration.ClientMessageIdIndex,
        })
        {
            // A concurrent retry with the same clientMessageId stored it first.
            return new SendOutcome.Sent(message.ToResponse(), IsNew: false);
        }

        await transaction.CommitAsync(ct);
        return new SendOutcome.Sent(message.ToResponse(), IsNew: true);
    }

    private async Task<SendOutcome?> FindRetriedAsync(Guid matchId, Guid senderId, string clientMessageId, CancellationToken ct)
    {
        var stored = await db.Messages.AsNoTracking()
            .SingleOrDefaultAsync(m => m.SenderId == senderId && m.ClientMessageId == clientMessageId, ct);
        return stored switch
        {
            null => null,
            _ when stored.MatchId != matchId => new SendOutcome.ClientMessageIdReused(),
            _ => new SendOutcome.Sent(stored.ToResponse(), IsNew: false),
        };
    }

    // The message is stored: a failed push must not fail the send (the other side reads it from history).
    private async Task DeliverAsync(MessageResponse message, Conversation conversation)
    {
        try
        {
            await notifier.MessageAsync(message, conversation.UserA, conversation.UserB);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Message {MessageId} is stored but could not be pushed.", message.MessageId);
        }
    }
}
