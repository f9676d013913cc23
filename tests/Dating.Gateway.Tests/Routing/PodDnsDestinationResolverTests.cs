using System.Net;
using System.Net.Sockets;
using Dating.Gateway.Routing;
using Dating.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Dating.Gateway.Tests.Routing;

public sealed class PodDnsDestinationResolverTests
{
    private static readonly Dictionary<string, DestinationConfig> MatchingPods = new()
    {
        ["matching/http/0"] = new DestinationConfig { Address = "http://matching-pods:8080" },
    };

    [Fact]
    public async Task A_name_becomes_one_destination_per_address_it_resolves_to()
    {
        using var resolver = Resolver(new Pods("10.0.0.2", "fd00::5", "10.0.0.1"));

        var resolved = (await resolver.ResolveDestinationsAsync(MatchingPods, TestContext.Current.CancellationToken)).Destinations;

        resolved.Keys.ShouldBe(["matching/http/0@10.0.0.1", "matching/http/0@10.0.0.2", "matching/http/0@fd00::5"], ignoreOrder: true);
        resolved["matching/http/0@10.0.0.2"].Address.ShouldBe("http://10.0.0.2:8080/");
        resolved["matching/http/0@fd00::5"].Address.ShouldBe("http://[fd00::5]:8080/");
        resolved.Values.ShouldAllBe(destination => destination.Host == "matching-pods");
    }

    [Fact]
    public async Task Ip_addresses_pass_through_untouched_without_a_lookup()
    {
        var pods = new Pods("10.0.0.1");
        using var resolver = Resolver(pods);
        var aspire = new Dictionary<string, DestinationConfig>
        {
            ["matching/http/0"] = new() { Address = "http://127.0.0.1:5130" },
            ["matching/http/1"] = new() { Address = "http://[::1]:5131" },
        };

        var resolved = (await resolver.ResolveDestinationsAsync(aspire, TestContext.Current.CancellationToken)).Destinations;

        resolved.ShouldBe(aspire, ignoreOrder: true);
        pods.Lookups.ShouldBe(0);
    }

    [Fact]
    public async Task Each_address_keeps_its_id_while_pods_come_and_go()
    {
        var pods = new Pods("10.0.0.1", "10.0.0.2", "10.0.0.3");
        using var resolver = Resolver(pods);
        var before = (await resolver.ResolveDestinationsAsync(MatchingPods, TestContext.Current.CancellationToken)).Destinations;

        pods.Now("10.0.0.4", "10.0.0.3", "10.0.0.1");
        var after = (await resolver.ResolveDestinationsAsync(MatchingPods, TestContext.Current.CancellationToken)).Destinations;

        after.Keys.ShouldBe(["matching/http/0@10.0.0.1", "matching/http/0@10.0.0.3", "matching/http/0@10.0.0.4"], ignoreOrder: true);
        after["matching/http/0@10.0.0.1"].ShouldBe(before["matching/http/0@10.0.0.1"]);
        after["matching/http/0@10.0.0.3"].ShouldBe(before["matching/http/0@10.0.0.3"]);
    }

    [Fact]
    public async Task A_failed_or_empty_lookup_keeps_the_last_addresses()
    {
        var pods = new Pods("10.0.0.1", "10.0.0.2");
        using var resolver = Resolver(pods);
        var before = (await resolver.ResolveDestinationsAsync(MatchingPods, TestContext.Current.CancellationToken)).Destinations;

        pods.Fail(new SocketException((int)SocketError.HostNotFound));
        var afterFailure = (await resolver.ResolveDestinationsAsync(MatchingPods, TestContext.Current.CancellationToken)).Destinations;
        pods.Now();
        var afterEmpty = (await resolver.ResolveDestinationsAsync(MatchingPods, TestContext.Current.CancellationToken)).Destinations;

        afterFailure.ShouldBe(before, ignoreOrder: true);
        afterEmpty.ShouldBe(before, ignoreOrder: true);
        pods.Lookups.ShouldBe(3);
    }

    [Fact]
    public async Task A_name_that_never_resolved_stays_as_configured()
    {
        var pods = new Pods();
        pods.Fail(new SocketException((int)SocketError.TryAgain));
        using var resolver = Resolver(pods);

        var resolved = (await resolver.ResolveDestinationsAsync(MatchingPods, TestContext.Current.CancellationToken)).Destinations;

        resolved.ShouldBe(MatchingPods, ignoreOrder: true);
    }

    [Fact]
    public async Task The_change_token_fires_after_the_interval_and_the_next_resolution_has_the_new_pods()
    {
        var pods = new Pods("10.0.0.1");
        var options = new GatewayOptions { ResolvePodsByDns = true, PodsRefreshInterval = TimeSpan.FromMilliseconds(100) };
        using var resolver = Resolver(pods, options);
        var first = await resolver.ResolveDestinationsAsync(MatchingPods, TestContext.Current.CancellationToken);

        pods.Now("10.0.0.1", "10.0.0.2");
        await Eventually.UntilAsync(() => first.ChangeToken!.HasChanged, "the refresh interval to signal a change");
        options.PodsRefreshInterval = TimeSpan.FromHours(1);
        var next = await resolver.ResolveDestinationsAsync(MatchingPods, TestContext.Current.CancellationToken);

        next.Destinations.Keys.ShouldBe(["matching/http/0@10.0.0.1", "matching/http/0@10.0.0.2"], ignoreOrder: true);
        next.ChangeToken.ShouldNotBeNull().HasChanged.ShouldBeFalse();
    }

    [Fact]
    public async Task The_change_token_waits_for_the_configured_interval()
    {
        using var resolver = Resolver(new Pods("10.0.0.1"), new GatewayOptions { ResolvePodsByDns = true, PodsRefreshInterval = TimeSpan.FromHours(1) });

        var resolved = await resolver.ResolveDestinationsAsync(MatchingPods, TestContext.Current.CancellationToken);

        resolved.ChangeToken.ShouldNotBeNull().HasChanged.ShouldBeFalse();
    }

    private static PodDnsDestinationResolver Resolver(Pods pods, GatewayOptions? options = null) =>
        new(new CurrentOptions(options ?? new GatewayOptions { ResolvePodsByDns = true }), pods.LookUpAsync, NullLogger<PodDnsDestinationResolver>.Instance);

    // What DNS answers for a headless Service: the pods now, or a failure.
    private sealed class Pods(params string[] addresses)
    {
        private IPAddress[] _addresses = [.. addresses.Select(IPAddress.Parse)];
        private Exception? _failure;

        public int Lookups { get; private set; }

        public void Now(params string[] addresses) => (_addresses, _failure) = ([.. addresses.Select(IPAddress.Parse)], null);

        public void Fail(Exception failure) => _failure = failure;

        public Task<IPAddress[]> LookUpAsync(string host, CancellationToken cancellationToken)
        {
            Lookups++;
            host.ShouldBe("matching-pods");
            return _failure is null ? Task.FromResult(_addresses) : Task.FromException<IPAddress[]>(_failure);
        }
    }

    private sealed class CurrentOptions(GatewayOptions value) : IOptionsMonitor<GatewayOptions>
    {
        public GatewayOptions CurrentValue => value;

        public GatewayOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<GatewayOptions, string?> listener) => null;
    }
}
