using Dating.Gateway.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace Dating.Gateway.Routing;

// Routes and clusters built in code from configuration; rebuilt whenever the configuration reloads.
internal sealed class ServiceProxyConfigProvider(
    IConfiguration configuration,
    IOptionsMonitor<GatewayOptions> gatewayOptions,
    IOptionsMonitor<AuthRateLimitingOptions> rateLimitingOptions) : IProxyConfigProvider
{
    public IProxyConfig GetConfig()
    {
        var options = gatewayOptions.CurrentValue;
        return new ServiceProxyConfig(
            GatewayRoutes.Build(options, rateLimitingOptions.CurrentValue.Enabled),
            ServiceClusters.Build(configuration, options),
            configuration.GetReloadToken());
    }

    private sealed record ServiceProxyConfig(
        IReadOnlyList<RouteConfig> Routes,
        IReadOnlyList<ClusterConfig> Clusters,
        IChangeToken ChangeToken) : IProxyConfig;
}
