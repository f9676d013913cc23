using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Dating.BuildingBlocks.Sessions;

public static class SessionAuthenticationExtensions
{
    /// <summary>
    /// Session authentication as the default scheme, a fallback policy that requires an authenticated user
    /// (opt out with <c>AllowAnonymous()</c>), the shared Redis multiplexer and a "redis" health check.
    /// Safe to call from several modules of one host.
    /// </summary>
    public static IHostApplicationBuilder AddSessionAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(descriptor => descriptor.ServiceType == typeof(SessionAuthenticationMarker)))
        {
            return builder;
        }

        services.AddSingleton<SessionAuthenticationMarker>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConnectionMultiplexer>(provider => RedisConnection.Connect(
            provider.GetRequiredService<IConfiguration>(),
            provider.GetService<ILoggerFactory>()));
        services.AddOptions<SessionOptions>().BindConfiguration("Sessions");
        services.TryAddSingleton<ISessionStore, RedisSessionStore>();
        services.TryAddSingleton<ForwardedSession>();

        services
            .AddAuthentication(SessionAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(
                SessionAuthenticationDefaults.AuthenticationScheme, configureOptions: null);
        services
            .AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return builder;
    }

    private sealed class SessionAuthenticationMarker;
}
