using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dating.ServiceDefaults.Tests;

// A tiny host with the service defaults and a few endpoints, on TestServer or (where the server's own
// behaviour matters, such as body limits) on Kestrel at 127.0.0.1 with a free port.
public sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestApp(WebApplication app, HttpClient client)
    {
        this.app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<TestApp> StartAsync(
        Action<WebApplicationBuilder>? configure = null,
        Action<WebApplication>? map = null,
        bool kestrel = false,
        string environment = "Production",
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Logging.ClearProviders();
        if (kestrel)
        {
            builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        // Settings the defaults read while they are added, as a host's environment or appsettings would give them.
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddServiceDefaults();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseServiceDefaults();
        if (app.Services.GetService<IAuthenticationSchemeProvider>() is not null)
        {
            // As a host with authentication does: after the defaults, so a 401 is a problem with a request id.
            app.UseAuthentication();
            app.UseAuthorization();
        }

        app.MapDefaultEndpoints();
        TestEndpoints.Map(app);
        map?.Invoke(app);
        await app.StartAsync(TestContext.Current.CancellationToken);

        var client = kestrel
            ? new HttpClient { BaseAddress = new Uri(AddressOf(app)) }
            : app.GetTestClient();
        return new TestApp(app, client);
    }

    private static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
    }
}
