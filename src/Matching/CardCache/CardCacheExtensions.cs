using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dating.Matching.CardCache;

internal static class CardCacheExtensions
{
    public static IHostApplicationBuilder AddCardCache(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CardCacheOptions>()
            .BindConfiguration(CardCacheOptions.SectionName)
            .Validate(o => o.Capacity > 0 && o.TimeToLive > TimeSpan.Zero, "Matching:CardCache: Capacity and TimeToLive must be positive.")
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<CardCacheMetrics>();
        services.AddSingleton<CandidateCardCache>();
        services.AddSingleton<CardInvalidations>();
        services.AddHostedService<CardInvalidationListener>();
        return builder;
    }
}
