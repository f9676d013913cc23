using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace Dating.Gateway.Routing;

// Routes and clusters built in code; rebuilt whenever the configuration reloads or the destinations change.
internal sealed class ServiceProxyConfigProvider(
    IConfiguration configuration,
    ServiceDestinations destinations,
    IOptionsMonitor<GatewayOptions> gatewayOptions) : IProxyConfigProvider
{
    public IProxyConfig GetConfig()
    {
        // Tokens first: a change that lands while the config is being built then triggers one more rebuild.
        var changed = new CompositeChangeToken([configuration.GetReloadToken(), destinations.GetChangeToken()]);
        var options = gatewayOptions.CurrentValue;
        return new ServiceProxyConfig(
            GatewayRoutes.Build(options),
            ServiceClusters.Build(destinations.Of, options),
            changed);
    }

    private sealed record ServiceProxyConfig(
        IReadOnlyList<RouteConfig> Routes,
        IReadOnlyList<ClusterConfig> Clusters,
        IChangeToken ChangeToken) : IProxyConfig;
}
