using System.Text.Json;
using System.Text.RegularExpressions;
using Dating.Deployment.Tests.Rendering;
using k8s;
using k8s.Models;

namespace Dating.Deployment.Tests.Smoke;

/// <summary>
/// A rendered overlay, changed only where podman kube play differs from a cluster (CONTAINERS.md), each change said here:
/// <list type="bullet">
/// <item>Only Deployments and ConfigMaps are played: podman has no Services, autoscalers or disruption budgets.</item>
/// <item>Secrets become podman secrets (podman 4.3 cannot read a Secret from the played file), with the test's own
/// connection strings in place of the overlay's placeholders, key by key: a key the test cannot fill fails it.</item>
/// <item>No <c>containerPort</c>: podman publishes each on the host, where two replicas would collide (and not on
/// loopback); the probes name the port by number instead.</item>
/// <item>The gateway's headless Services (<c>matching-pods</c>) become the pods' own names (<c>matching-pod-0</c>,
/// <c>matching-pod-1</c>), the names podman's DNS knows, for both its addresses (http and h2c, the port kept); the
/// gateway still resolves them itself.</item>
/// <item>Replicas and images as the test asks: the images from the loopback registry.</item>
/// </list>
/// </summary>
internal static partial class PodmanManifests
{
    public const string ContainerPort = "8080";

    /// <summary>
    /// The YAML to play, the Secrets as podman secrets (name → JSON of base64 values), and the pods it makes
    /// (<c>matching-pod-0</c>, …: podman names a Deployment's pods so, and its DNS knows them by these names).
    /// </summary>
    public static (string Yaml, IReadOnlyDictionary<string, string> Secrets, IReadOnlyList<string> Pods) Adapt(
        RenderedManifests rendered, IReadOnlyDictionary<string, int> replicas, Func<string, string> image, IReadOnlyDictionary<string, string> connectionStrings)
    {
        var deployments = rendered.Deployments.ToList();
        foreach (var deployment in deployments)
        {
            deployment.Spec.Replicas = replicas.GetValueOrDefault(deployment.Metadata.Name, 1);
            foreach (var container in deployment.Spec.Template.Spec.Containers)
            {
                container.Image = image(container.Image);
                container.Ports = null;
                foreach (var probe in new[] { container.LivenessProbe, container.ReadinessProbe, container.StartupProbe })
                {
                    if (probe?.HttpGet is { } get)
                    {
                        get.Port = ContainerPort;
                    }
                }
            }
        }

        var configMaps = rendered.Objects.OfType<V1ConfigMap>().ToList();
        foreach (var configMap in configMaps)
        {
            configMap.Data = configMap.Data?.SelectMany(e => PodDestinations(e.Key, e.Value, replicas)).ToDictionary();
        }

        var secrets = rendered.Objects.OfType<V1Secret>().ToDictionary(s => s.Metadata.Name, s => JsonSerializer.Serialize(
            (s.Data ?? new Dictionary<string, byte[]>()).Keys.ToDictionary(key => key, key => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
                connectionStrings.TryGetValue(key, out var value) ? value : throw new InvalidOperationException($"The smoke test has no value for Secret {s.Metadata.Name}'s key {key}."))))));
        var pods = deployments.SelectMany(d => Enumerable.Range(0, d.Spec.Replicas ?? 1).Select(i => $"{d.Metadata.Name}-pod-{i}")).ToList();
        return (KubernetesYaml.SerializeAll([.. configMaps, .. deployments]), secrets, pods);
    }

    // services__matching__h2c__0=http://matching-pods:8081 (the gateway's destination: a headless Service) becomes
    // one destination per pod: services__matching__h2c__0=http://matching-pod-0:8081, …__1=http://matching-pod-1:8081;
    // likewise services__matching__http__0.
    private static IEnumerable<KeyValuePair<string, string>> PodDestinations(string key, string value, IReadOnlyDictionary<string, int> replicas)
    {
        if (HeadlessDestination().Match(key + "=" + value) is not { Success: true } destination)
        {
            return [KeyValuePair.Create(key, value)];
        }

        var (service, endpoint) = (destination.Groups["service"].Value, destination.Groups["endpoint"].Value);
        return Enumerable.Range(0, replicas.GetValueOrDefault(service, 1)).Select(pod =>
            KeyValuePair.Create($"services__{service}__{endpoint}__{pod}", $"http://{service}-pod-{pod}:{destination.Groups["port"].Value}"));
    }

    [GeneratedRegex(@"^services__(?<service>[a-z]+)__(?<endpoint>http|h2c)__0=http://\k<service>-pods:(?<port>[0-9]+)$")]
    private static partial Regex HeadlessDestination();
}
