using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dating.Chat.Validation;

internal static class Problems
{
    public static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] },
        detail: "One or more fields are invalid.");

    public static ProblemHttpResult NotFound() => TypedResults.Problem(
        "No such conversation.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Closed() => TypedResults.Problem(
        "The conversation is closed: the match has ended.", statusCode: StatusCodes.Status409Conflict, title: "Conversation closed");

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(
        detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static ProblemHttpResult TooManyRequests(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
        return TypedResults.Problem(
            "Too many messages. Try again shortly.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
    }
}
