using System.Security.Claims;
using Dating.BuildingBlocks.Http;
using Dating.BuildingBlocks.Persistence;
using Dating.BuildingBlocks.Sessions;
using Dating.Chat.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Dating.Chat.Messages;

internal static class MessageEndpoints
{
    public static RouteGroupBuilder MapMessageEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/conversations/{matchId:guid}/messages", GetMessages)
            .WithName("GetMessages")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A page of the conversation's history, newest first; pass the oldest id seen as `before` for the next page.");

        group.MapPost("/conversations/{matchId:guid}/messages", SendMessage)
            .WithName("SendMessage")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Send a message; both members receive it on the hub. A repeated clientMessageId returns the stored message.");
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<MessageResponse>>, ValidationProblem, ProblemHttpResult>> GetMessages(
        Guid matchId, Guid? before, int? limit, ClaimsPrincipal user, ChatDbContext db, StandbyReads<ChatDbContext> reads, CancellationToken ct)
    {
        var me = user.GetUserId();
        var open = await db.Conversations.AsNoTracking()
            .AnyAsync(c => c.MatchId == matchId && c.ClosedAt == null && (c.UserA == me || c.UserB == me), ct);
        if (!open)
        {
            return Problems.NotFound("No such conversation.");
        }

        var page = await MessageHistory.PageAsync(
            db, reads, matchId, before, Math.Clamp(limit ?? MessageHistory.DefaultLimit, 1, MessageHistory.MaxLimit), ct);
        return page is null
            ? Problems.Invalid("before", "No such message in this conversation.")
            : TypedResults.Ok(page);
    }

    public static async Task<Results<Created<MessageResponse>, ValidationProblem, ProblemHttpResult>> SendMessage(
        Guid matchId, SendMessageRequest request, ClaimsPrincipal user, Messenger messenger, HttpContext context, CancellationToken ct)
    {
        var outcome = await messenger.SendAsync(matchId, user.GetUserId(), request.Text, request.ClientMessageId, ct);
        return outcome switch
        {
            SendOutcome.Sent sent => TypedResults.Created(
                $"/api/chat/conversations/{matchId}/messages", sent.Message),
            SendOutcome.Invalid invalid => Problems.Invalid(invalid.Field, invalid.Error),
            SendOutcome.Closed => Problems.Of(
                StatusCodes.Status409Conflict, "Conversation closed", "The conversation is closed: the match has ended."),
            SendOutcome.RateLimited limited => Problems.TooManyRequests(context.Response, limited.RetryAfter, "Too many messages. Try again shortly."),
            SendOutcome.ClientMessageIdReused => Problems.Of(
                StatusCodes.Status409Conflict, "Conflict", "That clientMessageId was already used for another conversation."),
            _ => Problems.NotFound("No such conversation."),
        };
    }
}
