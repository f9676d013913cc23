using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace Dating.Gateway.Routing;

// Routes and clusters built in code from configuration (destinations as Aspire passes them); rebuilt when it reloads.
internal sealed class ServiceProxyConfigProvider(
    IConfiguration configuration,
    IOptionsMonitor<GatewayOptions> gatewayOptions) : IProxyConfigProvider
{
    public IProxyConfig GetConfig()
    {
        // Token first: a change that lands while the config is being built then triggers one more rebuild.
        var changed = configuration.GetReloadToken();
        var options = gatewayOptions.CurrentValue;
        return new ServiceProxyConfig(
            GatewayRoutes.Build(options),
            ServiceClusters.Build(service => ServiceClusters.DestinationsOf(configuration, service, options), options),
            changed);
    }

    private sealed record ServiceProxyConfig(
        IReadOnlyList<RouteConfig> Routes,
        IReadOnlyList<ClusterConfig> Clusters,
        IChangeToken ChangeToken) : IProxyConfig;
}
