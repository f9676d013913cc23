using System.Globalization;
using System.Text.RegularExpressions;
using k8s.Models;
using Dating.Deployment.Tests.Rendering;

namespace Dating.Deployment.Tests.Rules;

/// <summary>
/// What is sent to a pod reaches a port that serves its protocol. The gateway speaks HTTP/2 alone (h2c, prior
/// knowledge) to its <c>services__&lt;name&gt;__h2c__&lt;i&gt;</c> addresses and HTTP/1.1 to the <c>__http__</c> ones,
/// the kubelet's probes HTTP/1.1; Kestrel serves cleartext HTTP/2 only on a port where it is the one protocol
/// (<c>Kestrel__Endpoints__&lt;name&gt;__Protocols=Http2</c>) and answers HTTP/1.1 there with 400. So each address leads
/// through its Service to a declared container port where Kestrel serves that protocol, every Service port targets a
/// port the pods declare (h2c if its appProtocol says so), and a pod that names Kestrel's endpoints empties the
/// image's <c>ASPNETCORE_HTTP_PORTS</c>, which they would override with a warning.
/// </summary>
public static partial class ProtocolRules
{
    // The image's port (ContainerEnvironmentVariable in build/Containers.targets), where a pod names no Kestrel endpoint.
    private const string ImageHttpPorts = "8080";

    public static IReadOnlyList<string> Violations(RenderedManifests manifests)
    {
        var violations = new List<string>();
        foreach (var deployment in manifests.Deployments)
        {
            var name = deployment.Metadata.Name;
            var environment = manifests.EnvironmentOf(deployment);
            var listeners = ListenersOf(environment);
            if (environment.Keys.Any(key => KestrelUrl().IsMatch(key)) && environment.GetValueOrDefault("ASPNETCORE_HTTP_PORTS", ImageHttpPorts) is { Length: > 0 })
            {
                violations.Add($"{name}: names Kestrel's endpoints but keeps the image's ASPNETCORE_HTTP_PORTS, which they override with a warning");
            }

            foreach (var container in deployment.Spec.Template.Spec.Containers)
            {
                foreach (var (kind, probe) in new[] { ("startup", container.StartupProbe), ("liveness", container.LivenessProbe), ("readiness", container.ReadinessProbe) })
                {
                    if (probe?.HttpGet?.Port?.Value is not { } port)
                    {
                        continue;
                    }

                    violations.AddRange(ContainerPort(deployment, port) is not { } number
                        ? [$"{name}: its {kind} probe names port {port}, which its pods do not declare"]
                        : Unserved(listeners, number, Http1).Select(served => $"{name}: its {kind} probe goes to port {number}, {served} (the kubelet probes over HTTP/1.1)"));
                }
            }
        }

        foreach (var service in manifests.Services)
        {
            foreach (var (deployment, port) in SelectedBy(manifests, service).SelectMany(d => (service.Spec.Ports ?? []).Select(p => (d, p))))
            {
                var target = TargetOf(port);
                var protocol = port.AppProtocol == "kubernetes.io/h2c" ? Http2Alone : AnyProtocol;
                violations.AddRange(ContainerPort(deployment, target) is not { } number
                    ? [$"{deployment.Metadata.Name}: Service {service.Metadata.Name} targets port {target}, which its pods do not declare"]
                    : Unserved(ListenersOf(manifests.EnvironmentOf(deployment)), number, protocol)
                        .Select(served => $"{deployment.Metadata.Name}: Service {service.Metadata.Name}'s port {port.Name ?? target} leads to port {number}, {served}"));
            }
        }

        if (manifests.Deployments.SingleOrDefault(d => d.Metadata.Name == "gateway") is { } gateway)
        {
            foreach (var (key, address) in manifests.EnvironmentOf(gateway))
            {
                if (GatewayAddress().Match(key) is { Success: true } match)
                {
                    violations.AddRange(AddressViolations(manifests, $"{key}={address}", address ?? "", match.Groups["endpoint"].Value == "h2c" ? Http2Alone : Http1));
                }
            }
        }

        return violations;
    }

    // An address of the gateway: a Service, one of its ports, the container port that port targets, a Kestrel endpoint there.
    private static IEnumerable<string> AddressViolations(RenderedManifests manifests, string variable, string address, Protocol protocol)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            return [$"gateway: {variable} is not an address"];
        }

        // matching-pods, or matching-pods.dating.svc.cluster.local
        var host = uri.Host.Split('.')[0];
        if (manifests.Services.SingleOrDefault(s => s.Metadata.Name == host) is not { } service)
        {
            return [$"gateway: {variable} names {host}, which is no Service of the overlay"];
        }

        if (service.Spec.Ports?.SingleOrDefault(p => p.Port == uri.Port) is not { } servicePort)
        {
            return [$"gateway: {variable}, but Service {host} has no port {uri.Port}"];
        }

        return SelectedBy(manifests, service).SelectMany(deployment =>
            ContainerPort(deployment, TargetOf(servicePort)) is { } number
                ? Unserved(ListenersOf(manifests.EnvironmentOf(deployment)), number, protocol)
                    .Select(served => $"gateway: {variable} leads to port {number} of {deployment.Metadata.Name}'s pods, {served}")
                : []);
    }

    private sealed record Protocol(string Name, Func<string, bool> ServedBy);

    // Kestrel's protocols on a port: Http1, Http2, Http1AndHttp2 (its default, which without TLS serves HTTP/1.1 alone), ….
    private static readonly Protocol Http1 = new("HTTP/1.1", protocols => protocols.Contains("Http1", StringComparison.OrdinalIgnoreCase));

    private static readonly Protocol Http2Alone = new("HTTP/2 alone (h2c)", protocols => string.Equals(protocols, "Http2", StringComparison.OrdinalIgnoreCase));

    // A Service port that names no protocol (appProtocol) asks only that something listens.
    private static readonly Protocol AnyProtocol = new("any protocol", _ => true);

    private sealed record Listener(int Port, string Protocols);

    // Nothing when a listener on the port serves the protocol; otherwise what the port has instead.
    private static IEnumerable<string> Unserved(IReadOnlyList<Listener> listeners, int port, Protocol protocol) =>
        listeners.Where(l => l.Port == port).ToList() switch
        {
            [] => ["where nothing listens"],
            var found when found.Any(l => protocol.ServedBy(l.Protocols)) => [],
            var found => [$"where Kestrel serves {string.Join(", ", found.Select(l => l.Protocols))}, not {protocol.Name}"],
        };

    // Where a pod's Kestrel listens: the endpoints its configuration names, else ASPNETCORE_HTTP_PORTS (HTTP/1.1).
    private static IReadOnlyList<Listener> ListenersOf(IReadOnlyDictionary<string, string?> environment)
    {
        var endpoints = environment
            .Select(e => (Endpoint: KestrelUrl().Match(e.Key), Port: PortOfUrl().Match(e.Value ?? "")))
            .Where(e => e.Endpoint.Success && e.Port.Success)
            .Select(e => new Listener(
                int.Parse(e.Port.Groups["port"].Value, CultureInfo.InvariantCulture),
                environment.GetValueOrDefault($"Kestrel__Endpoints__{e.Endpoint.Groups["endpoint"].Value}__Protocols") ?? "Http1AndHttp2"))
            .ToList();
        return endpoints.Count > 0
            ? endpoints
            : environment.GetValueOrDefault("ASPNETCORE_HTTP_PORTS", ImageHttpPorts)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(port => new Listener(int.Parse(port, CultureInfo.InvariantCulture), "Http1"))
                .ToList();
    }

    // A Service's targetPort, by default its port.
    private static string TargetOf(V1ServicePort port) =>
        port.TargetPort?.Value ?? port.Port.ToString(CultureInfo.InvariantCulture);

    // A port by number, or by the name a container of the pod gives it.
    private static int? ContainerPort(V1Deployment deployment, string port) =>
        int.TryParse(port, CultureInfo.InvariantCulture, out var number)
            ? number
            : deployment.Spec.Template.Spec.Containers.SelectMany(c => c.Ports ?? []).FirstOrDefault(p => p.Name == port)?.ContainerPort;

    private static IEnumerable<V1Deployment> SelectedBy(RenderedManifests manifests, V1Service service) =>
        service.Spec.Selector is { Count: > 0 } selector
            ? manifests.Deployments.Where(d => selector.All(l => d.Spec.Template.Metadata.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
            : [];

    [GeneratedRegex("^Kestrel__Endpoints__(?<endpoint>[^_]+)__Url$")]
    private static partial Regex KestrelUrl();

    // http://*:8081, http://+:8081/, http://0.0.0.0:8081
    [GeneratedRegex(@"^https?://[^/]+:(?<port>[0-9]+)/?$")]
    private static partial Regex PortOfUrl();

    [GeneratedRegex("^services__[^_]+__(?<endpoint>http|h2c)__[0-9]+$")]
    private static partial Regex GatewayAddress();
}
