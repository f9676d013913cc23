using Dating.BuildingBlocks.Sessions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dating.Chat.Realtime;

internal static class RealtimeExtensions
{
    /// <summary>SignalR with the Redis backplane: a message sent through any replica reaches the user's connections on all of them.</summary>
    public static IServiceCollection AddChatRealtime(this IServiceCollection services)
    {
        services.AddOptions<BackplaneOptions>().BindConfiguration(BackplaneOptions.SectionName);
        services.AddSingleton<IUserIdProvider, SessionUserIdProvider>();
        services.AddSingleton<ChatNotifier>();
        services.AddSingleton<BackplaneGaps>();
        services.AddSignalR(hub =>
        {
            hub.AddFilter<HubOutageFilter>();
            hub.AddFilter<BackplaneGaps>();
        }).AddStackExchangeRedis();
        // Its own multiplexer (SignalR's subscriptions carry the channel prefix), connected the services' one way.
        services.AddOptions<RedisOptions>().Configure<IConfiguration, IOptions<BackplaneOptions>, BackplaneGaps>((redis, configuration, backplane, gaps) =>
        {
            redis.Configuration = RedisConnection.Options(configuration, loggerFactory: null);
            redis.Configuration.ChannelPrefix = RedisChannel.Literal(backplane.Value.ChannelPrefix);
            var configured = redis.Configuration;
            redis.ConnectionFactory = async log =>
            {
                var multiplexer = await ConnectionMultiplexer.ConnectAsync(configured, log);
                gaps.Watch(multiplexer);
                return multiplexer;
            };
        });
        return services;
    }
}
