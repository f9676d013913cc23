using System.Net.Sockets;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Dating.Gateway.Resilience;

// A request is sent once more to another destination when the first one surely never acted on it, or when acting on
// it twice is harmless:
// - any method, when the destination refused the connection (a replica that is gone: killed, stopped, or not started
//   yet): nothing was sent, so a write cannot happen twice. This is what keeps writes working while the health checks
//   have not yet taken a dead replica out, and while every replica of a service is marked down and YARP tries them
//   all (HealthyOrPanic): a lone replica that is back already answers the users hashed to a stopped spare;
// - a GET or HEAD that could not reach its destination in any other way (reset before an answer) or that it left
//   unanswered for the cluster's replica timeout (a frozen process). A write in those cases may have been acted on,
//   or may still be when the process thaws, so it is answered with the error.
// So a replica that just died or froze costs the client nothing, or only the wait.
// Sits before load balancing in the proxy pipeline: load balancing narrows AvailableDestinations to its pick.
// Hand-written: YARP does not retry a failed request by itself.
internal sealed class ReplicaRetryMiddleware(RequestDelegate next)
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

    private static bool IsRetryable(HttpContext context)
    {
        if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested
            || context.Features.Get<IForwarderErrorFeature>() is not { } error)
        {
            return false;
        }

        return error.Error == ForwarderError.Request && Refused(error.Exception)
            || (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && error.Error is ForwarderError.Request or ForwarderError.RequestTimedOut;
    }

    // The connection was refused: no byte of the request reached the destination.
    private static bool Refused(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return true;
            }
        }

        return false;
    }
}
