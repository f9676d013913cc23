using Dating.BuildingBlocks.Modules;

namespace Dating.AppHost.Services;

public static class GatewayExtensions
{
    /// <summary>
    /// Every replica of <paramref name="service"/> as a destination of the gateway's cluster <paramref name="cluster"/>,
    /// the way Aspire passes service discovery (<c>services__matching__http__1=http://127.0.0.1:5131</c>). Spares are
    /// destinations too: the gateway's active health checks keep them out until they are started. The gateway waits
    /// for the running replicas.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDestinations(this IResourceBuilder<ProjectResource> gateway, ServiceReplicas service, string? cluster = null)
    {
        for (var i = 0; i < service.All.Count; i++)
        {
            var replica = service.All[i];
            gateway.WithEnvironment($"services__{cluster ?? service.Name}__http__{i}", replica.Url)
                .WithEnvironment($"services__{cluster ?? service.Name}__{ServiceEndpoints.Http2}__{i}", replica.Http2Url)
                .WithReferenceRelationship(replica.Resource);
            if (!replica.Spare)
            {
                gateway.WaitFor(replica.Resource);
            }
        }

        return gateway;
    }
}
