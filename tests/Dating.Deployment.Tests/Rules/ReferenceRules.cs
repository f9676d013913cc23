using k8s.Models;
using Dating.Deployment.Tests.Rendering;

namespace Dating.Deployment.Tests.Rules;

/// <summary>
/// Every value a pod takes from a Secret or a ConfigMap (a connection string, a telemetry setting) is in that object
/// in the same overlay; otherwise the pod would not start (CreateContainerConfigError). An optional reference may name
/// a Secret the operator creates (the session forwarding key, which must not ship in the repository).
/// </summary>
public static class ReferenceRules
{
    public static IReadOnlyList<string> Violations(RenderedManifests manifests)
    {
        var keys = manifests.Objects.OfType<V1Secret>().Select(s => (Kind: "Secret", s.Metadata.Name, Keys: s.Data?.Keys ?? []))
            .Concat(manifests.Objects.OfType<V1ConfigMap>().Select(c => (Kind: "ConfigMap", c.Metadata.Name, Keys: c.Data?.Keys ?? [])))
            .ToDictionary(o => (o.Kind, o.Name), o => o.Keys);
        var violations = new List<string>();
        var pods = manifests.Deployments.Select(d => (d.Metadata.Name, d.Spec.Template.Spec))
            .Concat(manifests.StatefulSets.Select(s => (s.Metadata.Name, s.Spec.Template.Spec)));
        foreach (var (name, pod) in pods)
        {
            foreach (var variable in pod.Containers.SelectMany(c => c.Env ?? []).Where(e => e.ValueFrom is not null && e.ValueFrom.SecretKeyRef?.Optional != true))
            {
                var (kind, source, key) = variable.ValueFrom.SecretKeyRef is { } secret ? ("Secret", secret.Name, secret.Key)
                    : variable.ValueFrom.ConfigMapKeyRef is { } configMap ? ("ConfigMap", configMap.Name, configMap.Key)
                    : (null, null, null);
                if (kind is not null && !(keys.TryGetValue((kind, source!), out var found) && found.Contains(key!)))
                {
                    violations.Add($"{name}: {variable.Name} reads key {key} of {kind} {source}, which the overlay does not have");
                }
            }
        }

        return violations;
    }
}
