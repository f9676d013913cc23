using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

// A client's malformed request (bad JSON, wrong types, a body over the limit) is answered here, inside
// Development's exception page, so it is logged as the client's mistake, not as a crash with a stack trace.
internal sealed class BadRequestProblemMiddleware(RequestDelegate next, IProblemDetailsService problemDetails, ILogger<BadRequestProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            logger.LogInformation("Bad request {Method} {Path}: {StatusCode} {Reason}", context.Request.Method, context.Request.Path, exception.StatusCode, exception.Message);
            context.Response.Clear();
            context.Response.StatusCode = exception.StatusCode;
            await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception });
        }
    }
}
