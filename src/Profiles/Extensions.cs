using Dating.BuildingBlocks.Messaging;
using Dating.BuildingBlocks.Persistence;
using Dating.BuildingBlocks.Sessions;
using Dating.Profiles.Accounts;
using Dating.Profiles.Blocks;
using Dating.Profiles.Data;
using Dating.Profiles.IntegrationEvents;
using Dating.Profiles.ProfileManagement;
using Dating.Profiles.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Dating.Profiles;

/// <summary>The Profiles module: accounts, sessions and profiles (with blocks and photos learnt from events), over the <c>profiles</c> database.</summary>
public static class Extensions
{
    public static IHostApplicationBuilder AddProfiles(this IHostApplicationBuilder builder)
    {
        builder.AddSessionAuthentication();

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        // Before the outbox dispatcher (registered below): hosted services start in order.
        builder.AddModuleDatabase<ProfilesDbContext>("profiles", ProfilesDbContext.Schema);

        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddSingleton<PasswordVerifier>();
        services.AddOptions<LoginRateLimitOptions>().BindConfiguration(LoginRateLimitOptions.SectionName);
        services.AddSingleton<LoginRateLimiter>();
        services.AddOptions<PublicProfileCacheOptions>().BindConfiguration(PublicProfileCacheOptions.SectionName);
        services.AddSingleton<PublicProfileCache>();
        services.AddScoped<PublicProfiles>();
        services.AddOptions<BlockCacheOptions>().BindConfiguration(BlockCacheOptions.SectionName);
        services.AddScoped<BlockedUsers>();
        services.AddScoped<Registration>();
        services.AddScoped<SignIn>();
        services.AddScoped<ProfileUpdate>();
        services.AddScoped<AccountDeletion>();

        builder.AddModuleMessaging<ProfilesDbContext>(consumers => consumers
            .AddConsumer<UserBlockedConsumer>()
            .AddConsumer<PhotoReadyConsumer>()
            .AddConsumer<PhotoDeletedConsumer>()
            .AddConsumer<PrimaryPhotoChangedConsumer>());
        return builder;
    }

    public static IEndpointRouteBuilder MapProfiles(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/auth")
            .WithTags("Accounts")
            .AddEndpointFilter<BackingServiceUnavailableFilter>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .MapAccountEndpoints()
            .MapSessionEndpoints();

        app.MapGroup("/api/profiles")
            .WithTags("Profiles")
            .AddEndpointFilter<BackingServiceUnavailableFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .MapProfileEndpoints();

        return app;
    }
}
