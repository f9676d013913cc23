using System.Net;
using Dating.Gateway.Errors;
using Dating.Gateway.Health;
using Dating.Gateway.LoadBalancing;
using Dating.Gateway.Resilience;
using Dating.Gateway.Routing;
using Dating.BuildingBlocks.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Dating.Gateway;

public static class GatewayExtensions
{
    public static IHostApplicationBuilder AddGatewayProxy(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.SectionName));
        services.AddSingleton<IProxyConfigProvider, ServiceProxyConfigProvider>();
        services.AddSingleton<IActiveHealthCheckPolicy, ReplicaHealthPolicy>();
        services.AddHealthChecks().AddCheck<DestinationsProbedHealthCheck>("destinations-probed");
        services.AddSingleton<ILoadBalancingPolicy, ConsistentHashLoadBalancingPolicy>();
        services.AddReverseProxy();
        if (builder.Configuration.GetValue<bool>($"{GatewayOptions.SectionName}:{nameof(GatewayOptions.ResolvePodsByDns)}"))
        {
            // Off, nothing is registered and YARP uses the configured destinations as they are.
            services.TryAddSingleton<HostAddressLookup>(Dns.GetHostAddressesAsync);
            services.AddSingleton<IDestinationResolver, PodDnsDestinationResolver>();
        }

        // A replica that keeps failing at the transport level is taken out quickly (it is retried after
        // Gateway:ReactivationPeriod); active /health probes catch the rest.
        services.Configure<TransportFailureRateHealthPolicyOptions>(options =>
        {
            options.DetectionWindowSize = TimeSpan.FromSeconds(10);
            options.MinimalTotalCountThreshold = 3;
        });

        services.AddForwarderProblemDetails();
        return builder;
    }

    public static IEndpointConventionBuilder MapGatewayProxy(this IEndpointRouteBuilder app) =>
        app.MapReverseProxy(proxy =>
        {
            proxy.UseSessionForwarding();
            proxy.UseMiddleware<ReplicaRetryMiddleware>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
}
