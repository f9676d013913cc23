using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dating.BuildingBlocks.Http;

/// <summary>Every RFC 9457 answer of the API: a status, its title and a detail; validation problems add <c>errors</c>.</summary>
public static class Problems
{
    private const string RetryAfterOutage = "5";

    /// <summary>400 with one field's error.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>400 with the errors keyed by JSON path (<c>location.latitude</c>).</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "One or more fields are invalid.");

    public static ProblemHttpResult BadRequest(string detail) => Of(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static ProblemHttpResult NotFound(string detail) => Of(StatusCodes.Status404NotFound, "Not found", detail);

    /// <summary>429, with Retry-After in whole seconds (at least one).</summary>
    public static ProblemHttpResult TooManyRequests(HttpResponse response, TimeSpan retryAfter, string detail)
    {
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Of(StatusCodes.Status429TooManyRequests, "Too many requests", detail);
    }

    /// <summary>503 for a backing service that is down, with a retry hint: never a 500.</summary>
    public static ProblemHttpResult Unavailable(HttpResponse response, string detail)
    {
        response.Headers.RetryAfter = RetryAfterOutage;
        return Of(StatusCodes.Status503ServiceUnavailable, "Service unavailable", detail);
    }

    /// <summary>Any other status, with a title of its own (<c>409 E-mail taken</c>).</summary>
    public static ProblemHttpResult Of(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);
}
