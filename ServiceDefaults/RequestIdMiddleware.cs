using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

// Keeps the caller's X-Request-Id (or makes one), echoes it on every response, and puts it in the
// logging scope, the trace and the request headers (so a proxy forwards it unchanged).
internal sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[RequestId.HeaderName].ToString();
        var requestId = RequestId.IsValid(incoming) ? incoming : RequestId.Create();

        context.Request.Headers[RequestId.HeaderName] = requestId;
        context.TraceIdentifier = requestId;
        Activity.Current?.SetTag(RequestId.ActivityTag, requestId);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[RequestId.HeaderName] = requestId;
            return Task.CompletedTask;
        });

        using (logger.BeginScope(new RequestIdLogScope(requestId)))
        {
            await next(context);
        }
    }
}
