using System.Net;

namespace Dating.Gateway.Routing;

// System.Net.Dns.GetHostAddressesAsync, replaceable in tests.
internal delegate Task<IPAddress[]> HostAddressLookup(string host, CancellationToken cancellationToken);
