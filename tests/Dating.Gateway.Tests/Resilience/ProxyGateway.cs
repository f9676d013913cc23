using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Gateway.Tests.Resilience;

// The gateway's real proxy pipeline (AddGatewayProxy, MapGatewayProxy) on a test server, configured by the test.
internal static class ProxyGateway
{
    public static async Task<WebApplication> StartAsync(IDictionary<string, string?> configuration)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddAuthorization();
        builder.AddGatewayProxy();
        var app = builder.Build();
        app.UseStatusCodePages();
        app.UseAuthorization();
        app.MapGatewayProxy();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }
}
