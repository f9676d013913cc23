using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Dating.Gateway.Resilience;

// A GET or HEAD that could not reach its destination (refused, reset before an answer) or that it left unanswered
// for the cluster's replica timeout (a frozen process) is sent once more to another destination, so a replica that
// just died or froze costs the client nothing, or only the wait.
// Sits before load balancing in the proxy pipeline: load balancing narrows AvailableDestinations to its pick.
internal sealed class RetryIdempotentRequestsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;

        await next(context);

        if (!IsRetryable(context) || proxy.ProxiedDestination is not { } failed)
        {
            return;
        }

        var others = candidates.Where(destination => destination != failed).ToList();
        if (others.Count == 0)
        {
            return;
        }

        context.Features.Set<IForwarderErrorFeature>(null);
        context.Response.Clear();
        proxy.AvailableDestinations = others;
        await next(context);
    }

    private static bool IsRetryable(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && !context.Response.HasStarted
        && context.Features.Get<IForwarderErrorFeature>()?.Error is ForwarderError.Request or ForwarderError.RequestTimedOut
        && !context.RequestAborted.IsCancellationRequested;
}
