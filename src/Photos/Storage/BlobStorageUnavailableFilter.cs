using Azure;
using Dating.BuildingBlocks.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dating.Photos.Storage;

/// <summary>The blob store unreachable or failing: 503 with a retry hint, never a 500.</summary>
internal sealed class BlobStorageUnavailableFilter(ILogger<BlobStorageUnavailableFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (IsOutage(exception))
        {
            logger.LogWarning(exception, "The blob store is unavailable; answering 503.");
            return Problems.Unavailable(context.HttpContext.Response, "The photo store is unavailable. Try again shortly.");
        }
    }

    // The blob client reports a transport failure as status 0, and gives up after its retries with an AggregateException.
    private static bool IsOutage(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 or >= 500 } => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsOutage),
        _ => false,
    };
}
