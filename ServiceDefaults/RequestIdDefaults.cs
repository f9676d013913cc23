using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class RequestIdDefaults
{
    public static TBuilder AddRequestIds<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<RequestIdPropagationHandler>();
        return builder;
    }

    public static IHttpClientBuilder AddRequestIdPropagation(this IHttpClientBuilder http) =>
        http.AddHttpMessageHandler<RequestIdPropagationHandler>();
}
