using System.Security.Claims;
using Dating.BuildingBlocks.Http;
using Dating.BuildingBlocks.Sessions;
using Dating.Chat.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Dating.Chat.Conversations;

internal static class ConversationEndpoints
{
    public static RouteGroupBuilder MapConversationEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/conversations", GetConversations)
            .WithName("GetConversations")
            .WithSummary("The caller's open conversations with the newest message and the unread count, most recent first.");

        group.MapPost("/conversations/{matchId:guid}/read", MarkRead)
            .WithName("MarkConversationRead")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Mark every message up to the given one as read; the other member is told.");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<ConversationSummary>>> GetConversations(
        ClaimsPrincipal user, ChatDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ConversationList.ForAsync(db, user.GetUserId(), ct));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> MarkRead(
        Guid matchId, ReadRequest request, ClaimsPrincipal user, ReadReceipts receipts, CancellationToken ct)
    {
        if (request.UpToMessageId is not { } upTo)
        {
            return Problems.Invalid("upToMessageId", "The id of the last message read is required.");
        }

        return await receipts.MarkReadAsync(matchId, user.GetUserId(), upTo, ct) switch
        {
            ReadReceipts.Outcome.Marked => TypedResults.NoContent(),
            ReadReceipts.Outcome.Closed => Problems.Of(
                StatusCodes.Status409Conflict, "Conversation closed", "The conversation is closed: the match has ended."),
            ReadReceipts.Outcome.UnknownMessage => Problems.Invalid("upToMessageId", "No such message in this conversation."),
            _ => Problems.NotFound("No such conversation."),
        };
    }
}
