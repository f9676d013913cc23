using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

// RFC 9457 problem details for every error: thrown exceptions (UseExceptionHandler) and empty
// error responses such as 404 and 405 (UseStatusCodePages) both go through IProblemDetailsService.
public static class ProblemDetailsDefaults
{
    public const string RequestIdExtension = "requestId";

    public static TBuilder AddProblemDetailsDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var http = context.HttpContext;
            context.ProblemDetails.Instance ??= $"{http.Request.PathBase}{http.Request.Path}";
            context.ProblemDetails.Extensions[RequestIdExtension] = http.TraceIdentifier;

            // A bad request's message is written by the framework for the client; any other exception stays private.
            // An unreadable JSON body gets its own words instead, naming the field.
            if (context.Exception is BadHttpRequestException badRequest)
            {
                if (UnreadableBodyProblem.TryDescribe(badRequest, out var detail, out var errors))
                {
                    context.ProblemDetails.Detail ??= detail;
                    if (errors is not null)
                    {
                        context.ProblemDetails.Extensions[UnreadableBodyProblem.ErrorsExtension] = errors;
                    }
                }

                context.ProblemDetails.Detail ??= badRequest.Message;
            }

            // The contract promises a detail on every problem, also on the framework's empty 404, 405 and 413.
            context.ProblemDetails.Detail ??= DefaultDetail(context.ProblemDetails.Status ?? http.Response.StatusCode);
        });

        // Minimal APIs throw on a body or parameter they cannot bind in every environment (by default only in
        // Development), so the problem can say what was wrong rather than a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        builder.Services.Configure<ExceptionHandlerOptions>(options =>
        {
            options.StatusCodeSelector = StatusCodeOf;
            options.SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException;
        });

        builder.Services.AddSingleton<IDeveloperPageExceptionFilter, SafeDeveloperExceptionFilter>();

        return builder;
    }

    private static string DefaultDetail(int status) => status switch
    {
        StatusCodes.Status404NotFound => "There is nothing at this address.",
        StatusCodes.Status405MethodNotAllowed => "This address does not accept that method.",
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this route accepts.",
        StatusCodes.Status500InternalServerError => "Something went wrong on our side. The request id identifies it in our logs.",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };

    // Malformed JSON, a missing body or a body over the limit: the client's fault, with the framework's status.
    private static int StatusCodeOf(Exception exception) => exception switch
    {
        BadHttpRequestException badRequest => badRequest.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };
}
