using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dating.Photos;

/// <summary>The module's RFC 9457 answers.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem("No such photo.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        $"A photo may be at most {limit / (1024 * 1024)} MiB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Photo too large");

    public static ProblemHttpResult TooManyPhotos(int limit) => TypedResults.Problem(
        $"A user may have at most {limit} photos; delete one first.", statusCode: StatusCodes.Status409Conflict, title: "Too many photos");
}
