using Dating.BuildingBlocks.Messaging;
using Dating.Matching.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Dating.Matching.Shards;

internal static class SwipeShardsExtensions
{
    /// <summary>
    /// The swipe shards: map, ring and migrations before the host serves (register after the module database, whose
    /// migrator must run first). Readiness waits for them; a shard going down later does not make the replica unready,
    /// since the other shards' users are still served.
    /// </summary>
    public static IHostApplicationBuilder AddSwipeShards(this IHostApplicationBuilder builder, string moduleConnectionName)
    {
        var shards = new SwipeShards(moduleConnectionName);
        builder.Services.AddSingleton(shards);
        builder.Services.AddOptions<ShardMapOptions>()
            .BindConfiguration(ShardMapOptions.SectionName)
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Matching:Shards:PollInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddHostedService<ShardStartup>();
        builder.Services.AddHostedService<ShardMapFollower>();
        builder.Services.AddSingleton<OutboxSignal<SwipeShardDbContext>>();
        builder.Services.AddHostedService<ShardOutboxService>();
        builder.Services.AddHealthChecks().AddCheck(
            "swipe-shards", () => shards.Ready ? HealthCheckResult.Healthy("Every swipe shard is migrated.") : HealthCheckResult.Unhealthy("The swipe shards are not ready."));
        return builder;
    }
}
