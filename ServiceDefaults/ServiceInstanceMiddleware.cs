using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

// Names the replica that answered, so people (and tests) can watch load balancing at work. Behind the
// gateway the backend's value wins: a response keeps the header of the process that produced it.
internal sealed class ServiceInstanceMiddleware(RequestDelegate next, IConfiguration configuration)
{
    private readonly string? _instanceId = ServiceInstance.IdFrom(configuration);

    public Task InvokeAsync(HttpContext context)
    {
        if (_instanceId is not null)
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.TryAdd(ServiceInstance.HeaderName, _instanceId);
                return Task.CompletedTask;
            });
        }

        return next(context);
    }
}
