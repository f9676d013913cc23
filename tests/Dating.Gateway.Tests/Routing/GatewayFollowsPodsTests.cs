using System.Net;
using System.Net.Sockets;
using Dating.Gateway.Routing;
using Dating.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy;

namespace Dating.Gateway.Tests.Routing;

// The gateway's real YARP pipeline in process, in front of one backend listening on both loopback addresses: each
// address a name resolves to stands for a pod, and the backend answers with the address a request reached.
public sealed class GatewayFollowsPodsTests
{
    [Fact]
    public async Task With_the_option_on_a_name_is_expanded_by_real_dns_and_requests_reach_its_addresses()
    {
        await using var pod = await StartPodAsync();
        await using var gateway = await StartGatewayAsync($"http://localhost:{pod.Port}");
        var localhost = (await Dns.GetHostAddressesAsync("localhost", TestContext.Current.CancellationToken))
            .Select(address => address.ToString()).Distinct().ToArray();

        DestinationIds(gateway).ShouldBe(localhost.Select(address => $"photos/http/0@{address}"), ignoreOrder: true);
        await ReachedAsync(gateway, localhost);
    }

    [Fact]
    public async Task A_pod_that_appears_gets_requests_without_a_restart()
    {
        var pods = new[] { IPAddress.Loopback };
        await using var pod = await StartPodAsync();
        await using var gateway = await StartGatewayAsync($"http://photos-pods:{pod.Port}", (_, _) => Task.FromResult(pods));
        var before = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            before.Add(await AnsweringAddressAsync(gateway));
        }

        pods = [IPAddress.Loopback, IPAddress.IPv6Loopback];

        before.ShouldBe(["127.0.0.1"]);
        await ReachedAsync(gateway, ["127.0.0.1", "::1"]);
        DestinationIds(gateway).ShouldBe(["photos/http/0@127.0.0.1", "photos/http/0@::1"], ignoreOrder: true);
    }

    [Fact]
    public async Task With_the_option_off_destinations_stay_as_configured()
    {
        await using var pod = await StartPodAsync();
        await using var gateway = await StartGatewayAsync($"http://localhost:{pod.Port}", resolvePods: false);

        DestinationIds(gateway).ShouldBe(["photos/http/0"]);
        (await AnsweringAddressAsync(gateway)).ShouldNotBeNullOrEmpty();
    }

    private static async Task ReachedAsync(WebApplication gateway, string[] addresses)
    {
        var reached = new HashSet<string>();
        await Eventually.UntilAsync(
            async () =>
            {
                reached.Add(await AnsweringAddressAsync(gateway));
                return reached.SetEquals(addresses);
            },
            $"requests through the gateway to reach {string.Join(" and ", addresses)}");
    }

    private static string[] DestinationIds(WebApplication gateway) =>
        gateway.Services.GetRequiredService<IProxyStateLookup>().TryGetCluster("photos", out var cluster)
            ? [.. cluster.Destinations.Keys]
            : [];

    // Anonymous, round robin: each request goes to the next destination.
    private static async Task<string> AnsweringAddressAsync(WebApplication gateway)
    {
        using var client = gateway.GetTestClient();
        return await client.GetStringAsync("/openapi/photos/v1.json", TestContext.Current.CancellationToken);
    }

    private static async Task<WebApplication> StartGatewayAsync(string photos, HostAddressLookup? lookUp = null, bool resolvePods = true)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:photos:http:0"] = photos,
            ["Gateway:ResolvePodsByDns"] = resolvePods.ToString(),
            ["Gateway:PodsRefreshInterval"] = "00:00:00.100",
            ["Gateway:LoadBalancing:photos"] = "RoundRobin",
        });
        if (lookUp is not null)
        {
            builder.Services.AddSingleton(lookUp);
        }

        builder.Services.AddAuthorization();
        builder.AddGatewayProxy();
        var app = builder.Build();
        app.UseAuthorization();
        app.MapGatewayProxy();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static async Task<Pod> StartPodAsync()
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Listen(IPAddress.IPv6Loopback, port);
        });
        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok());
        app.MapGet("/openapi/v1.json", (HttpContext context) => context.Connection.LocalIpAddress!.ToString());
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new Pod(app, port);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.IPv6Any, 0) { Server = { DualMode = true } };
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Pod(WebApplication App, int Port) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
