using Dating.BuildingBlocks.Messaging;
using Dating.BuildingBlocks.Persistence;
using Dating.BuildingBlocks.Sessions;
using Dating.Chat.Conversations;
using Dating.Chat.Data;
using Dating.Chat.IntegrationEvents;
using Dating.Chat.Messages;
using Dating.Chat.RateLimiting;
using Dating.Chat.Realtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dating.Chat;

/// <summary>The Chat module: conversations kept from match events, message history, sending, read receipts and the real-time hub, over the <c>chat</c> database.</summary>
public static class Extensions
{
    public static IHostApplicationBuilder AddChat(this IHostApplicationBuilder builder)
    {
        builder.AddSessionAuthentication();
        builder.AddModuleDatabase<ChatDbContext>("chat", ChatDbContext.Schema);

        var services = builder.Services;
        services.AddOptions<MessageRateLimitOptions>()
            .BindConfiguration(MessageRateLimitOptions.SectionName)
            .Validate(o => o.PermitLimit > 0 && o.Window >= TimeSpan.FromMilliseconds(1), "Chat:RateLimit: PermitLimit and Window must be positive.")
            .ValidateOnStart();
        services.AddSingleton<MessageRateLimiter>();
        services.AddScoped<Messenger>();
        services.AddScoped<ReadReceipts>();
        services.AddChatRealtime();

        builder.AddModuleMessaging<ChatDbContext>(consumers => consumers
            .AddConsumer<MatchCreatedConsumer>()
            .AddConsumer<MatchEndedConsumer>()
            .AddConsumer<UserBlockedConsumer>()
            .AddConsumer<ProfileDeletedConsumer>());
        return builder;
    }

    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/chat")
            .WithTags("Chat")
            .AddEndpointFilter<BackingServiceUnavailableFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .MapConversationEndpoints()
            .MapMessageEndpoints();

        app.MapHub<ChatHub>(ChatHub.Path).RequireAuthorization();
        return app;
    }
}
