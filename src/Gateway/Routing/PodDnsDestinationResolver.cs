using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Dating.Gateway.Routing;

// Gateway:ResolvePodsByDns. A destination whose host is a DNS name becomes one destination per address (a headless
// Service's A/AAAA records: one per ready pod), id "<id>@<address>" so the consistent-hash ring moves only the keys
// of pods that came or went; the names are looked up again every Gateway:PodsRefreshInterval. Hand-written: YARP's
// DnsDestinationResolver numbers the addresses in the order DNS returns them (ids, hence the ring, would shuffle
// on every lookup) and fails the whole configuration when one lookup fails; no served package does better.
internal sealed class PodDnsDestinationResolver(
    IOptionsMonitor<GatewayOptions> options,
    HostAddressLookup lookUp,
    ILogger<PodDnsDestinationResolver> logger) : IDestinationResolver, IDisposable
{
    // What each configured destination last resolved to, kept through a failed or empty lookup.
    private readonly ConcurrentDictionary<(string Id, string Address), KeyValuePair<string, DestinationConfig>[]> _lastResolved = new();
    private readonly Lock _refreshLock = new();
    private CancellationTokenSource? _refresh;

    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var expanded = await Task.WhenAll(destinations.Select(destination => ExpandAsync(destination.Key, destination.Value, cancellationToken)));
        return new ResolvedDestinationCollection(expanded.SelectMany(resolved => resolved).ToDictionary(), NextRefresh());
    }

    public void Dispose()
    {
        lock (_refreshLock)
        {
            _refresh?.Dispose();
        }
    }

    private async Task<KeyValuePair<string, DestinationConfig>[]> ExpandAsync(string id, DestinationConfig destination, CancellationToken cancellationToken)
    {
        var uri = new Uri(destination.Address);
        if (uri.HostNameType != UriHostNameType.Dns)
        {
            return [new(id, destination)];
        }

        IPAddress[] addresses;
        try
        {
            addresses = await lookUp(uri.DnsSafeHost, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Looking up {Host} for destination {DestinationId} failed; keeping its last addresses", uri.DnsSafeHost, id);
            return LastResolvedOr(id, destination);
        }

        if (addresses.Length == 0)
        {
            // A headless Service with no ready pod: the last pods may be back sooner than a lookup says so.
            logger.LogWarning("{Host} (destination {DestinationId}) resolved to no address; keeping its last addresses", uri.DnsSafeHost, id);
            return LastResolvedOr(id, destination);
        }

        var resolved = addresses.Distinct().OrderBy(address => address.ToString(), StringComparer.Ordinal)
            .Select(address => KeyValuePair.Create($"{id}@{address}", destination with
            {
                Address = WithHost(destination.Address, address),
                Health = destination.Health is { Length: > 0 } health ? WithHost(health, address) : destination.Health,
                Host = destination.Host ?? uri.Host,
            }))
            .ToArray();
        _lastResolved[(id, destination.Address)] = resolved;
        return resolved;
    }

    // Never resolved yet: the name as configured, which the forwarder then resolves per connection.
    private KeyValuePair<string, DestinationConfig>[] LastResolvedOr(string id, DestinationConfig destination) =>
        _lastResolved.TryGetValue((id, destination.Address), out var last) ? last : [new(id, destination)];

    private static string WithHost(string address, IPAddress host) => new UriBuilder(address) { Host = host.ToString() }.Uri.ToString();

    // One timer for every cluster: when it fires YARP reloads the configuration, which resolves them all again.
    private CancellationChangeToken NextRefresh()
    {
        lock (_refreshLock)
        {
            if (_refresh is not { IsCancellationRequested: false })
            {
                _refresh?.Dispose();
                _refresh = new CancellationTokenSource(options.CurrentValue.PodsRefreshInterval);
            }

            return new CancellationChangeToken(_refresh.Token);
        }
    }
}
