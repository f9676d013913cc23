using Dating.BuildingBlocks.Messaging;
using Dating.BuildingBlocks.Persistence;
using Dating.BuildingBlocks.Sessions;
using Dating.Matching.Blocks;
using Dating.Matching.CardCache;
using Dating.Matching.Data;
using Dating.Matching.IntegrationEvents;
using Dating.Matching.Matches;
using Dating.Matching.Queues;
using Dating.Matching.Recommendations;
using Dating.Matching.Shards;
using Dating.Matching.Swipes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dating.Matching;

/// <summary>The Matching module: candidate cards kept from events, recommendations, swipes, matches and blocks, over the <c>matching</c> database.</summary>
public static class Extensions
{
    public static IHostApplicationBuilder AddMatching(this IHostApplicationBuilder builder)
    {
        builder.AddSessionAuthentication();
        builder.AddModuleDatabase<MatchingDbContext>("matching", MatchingDbContext.Schema);
        builder.AddSwipeShards("matching");
        builder.AddCardCache();

        var services = builder.Services;
        services.AddOptions<RecommendationQueueOptions>()
            .BindConfiguration(RecommendationQueueOptions.SectionName)
            .Validate(
                o => o.RefreshInterval > TimeSpan.Zero && o.Length > 0 && o.LowWatermark >= 0
                    && o.ActiveWindow > TimeSpan.Zero && o.TimeToLive > TimeSpan.Zero && o.LockDuration > TimeSpan.Zero
                    && o.BatchParallelism > 0,
                "Matching:Queues: intervals, Length and BatchParallelism must be positive, LowWatermark not negative.")
            .ValidateOnStart();
        services.AddSingleton<RecommendationQueue>();
        services.AddSingleton<QueueRefillRequests>();
        services.AddScoped<CandidateFinder>();
        services.AddScoped<QueueFiller>();
        services.AddScoped<Recommender>();
        services.AddScoped<SwipeStore>();
        services.AddScoped<MatchStore>();
        services.AddScoped<Matchmaker>();
        services.AddScoped<Unmatching>();
        services.AddScoped<Blocker>();
        services.AddHostedService<QueueRefillWorker>();
        services.AddSingleton<QueueRefreshJob>();
        services.AddHostedService(provider => provider.GetRequiredService<QueueRefreshJob>());

        builder.AddModuleMessaging<MatchingDbContext>(consumers => consumers
            .AddConsumer<ProfileCreatedConsumer>()
            .AddConsumer<ProfileUpdatedConsumer>()
            .AddConsumer<ProfileDeletedConsumer>()
            .AddConsumer<PrimaryPhotoChangedConsumer>()
            .AddConsumer<PhotoDeletedConsumer>());
        return builder;
    }

    public static IEndpointRouteBuilder MapMatching(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/matching")
            .WithTags("Matching")
            .AddEndpointFilter<BackingServiceUnavailableFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .MapRecommendationEndpoints()
            .MapSwipeEndpoints()
            .MapMatchEndpoints()
            .MapBlockEndpoints();
        return app;
    }
}
