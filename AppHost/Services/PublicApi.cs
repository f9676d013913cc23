using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dating.AppHost.Services;

public static class PublicApi
{
    /// <summary>Says on the console when the resource that serves the public API answers its health check.</summary>
    public static IResourceBuilder<ProjectResource> AsPublicApi(this IResourceBuilder<ProjectResource> resource)
    {
        resource.ApplicationBuilder.Eventing.Subscribe<ResourceReadyEvent>(resource.Resource, (e, _) =>
        {
            var url = resource.Resource.GetEndpoint("http").Url;
            e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Dating.AppHost").LogInformation(
                "The public API is ready at {Url} after {Seconds:0.0} s (docs: {Url}/docs). Ctrl+C stops everything.",
                url, (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds, url);
            return Task.CompletedTask;
        });
        return resource;
    }
}
