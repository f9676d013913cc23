using System.Collections.Concurrent;
using k8s;
using k8s.Models;

namespace Dating.Deployment.Tests.Rendering;

/// <summary>
/// One rendered overlay as typed Kubernetes objects. Loaded in strict mode: an unknown field, a wrong type or an
/// unknown kind fails the load, as the API server would reject it.
/// </summary>
public sealed class RenderedManifests
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Rendered = new();

    private RenderedManifests(IReadOnlyList<object> objects) => Objects = objects;

    public IReadOnlyList<object> Objects { get; }

    public IEnumerable<V1Deployment> Deployments => Objects.OfType<V1Deployment>();

    public IEnumerable<V1Service> Services => Objects.OfType<V1Service>();

    public IEnumerable<V1PodDisruptionBudget> DisruptionBudgets => Objects.OfType<V1PodDisruptionBudget>();

    public IEnumerable<V2HorizontalPodAutoscaler> Autoscalers => Objects.OfType<V2HorizontalPodAutoscaler>();

    public IEnumerable<V1StatefulSet> StatefulSets => Objects.OfType<V1StatefulSet>();

    public static RenderedManifests Load(string yaml) => new(KubernetesYaml.LoadAllFromString(yaml, strict: true));

    /// <summary>infra/overlays/<paramref name="overlay"/>, rendered and loaded.</summary>
    public static async Task<RenderedManifests> OfOverlayAsync(string overlay) => Load(await RenderAsync(overlay));

    /// <summary>infra/overlays/<paramref name="overlay"/> rendered by kubectl kustomize (once per test run).</summary>
    public static Task<string> RenderAsync(string overlay) =>
        Rendered.GetOrAdd(overlay, name => new Lazy<Task<string>>(() =>
            Kubectl.KustomizeAsync(Path.Combine(Repository.Root, "infra", "overlays", name), CancellationToken.None))).Value;

    /// <summary>
    /// The names of the configuration a Deployment's containers get: their <c>env</c>, and every key of the ConfigMaps
    /// and Secrets they take whole with <c>envFrom</c> (which must be in the same rendering).
    /// </summary>
    public IReadOnlySet<string> EnvironmentNamesOf(V1Deployment deployment) => EnvironmentOf(deployment).Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>The same, each with its value: null where it comes from a single key (<c>valueFrom</c>).</summary>
    public IReadOnlyDictionary<string, string?> EnvironmentOf(V1Deployment deployment)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var container in deployment.Spec.Template.Spec.Containers)
        {
            foreach (var source in container.EnvFrom ?? [])
            {
                foreach (var (key, value) in EntriesOf(source))
                {
                    environment[(source.Prefix ?? "") + key] = value;
                }
            }

            foreach (var variable in container.Env ?? [])
            {
                environment[variable.Name] = variable.Value;
            }
        }

        return environment;
    }

    private IEnumerable<KeyValuePair<string, string?>> EntriesOf(V1EnvFromSource source)
    {
        if (source.ConfigMapRef is { } configMap)
        {
            return (Named<V1ConfigMap>(configMap.Name).Data ?? new Dictionary<string, string>()).Select(e => KeyValuePair.Create(e.Key, (string?)e.Value));
        }

        if (source.SecretRef is { } secret)
        {
            var found = Named<V1Secret>(secret.Name);
            return (found.Data ?? new Dictionary<string, byte[]>()).Select(e => KeyValuePair.Create(e.Key, (string?)System.Text.Encoding.UTF8.GetString(e.Value)))
                .Concat((found.StringData ?? new Dictionary<string, string>()).Select(e => KeyValuePair.Create(e.Key, (string?)e.Value)));
        }

        return [];
    }

    private T Named<T>(string name) where T : IMetadata<V1ObjectMeta> =>
        Objects.OfType<T>().SingleOrDefault(o => o.Metadata.Name == name)
        ?? throw new InvalidOperationException($"envFrom names {typeof(T).Name} {name}, which is not in the rendered manifests.");
}
