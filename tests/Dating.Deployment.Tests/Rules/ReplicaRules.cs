using k8s.Models;
using Dating.Deployment.Tests.Rendering;

namespace Dating.Deployment.Tests.Rules;

/// <summary>
/// How the replicas of each Deployment are reached, kept and scaled: a Service to call, a headless Service that names
/// every ready pod (for a gateway that balances across pods itself), a PodDisruptionBudget and an autoscaler that
/// keeps at least two (one may then be drained). Every service here is stateless, so every Deployment gets all four.
/// Servers with data (StatefulSets) must keep it on a volume claim.
/// </summary>
public static class ReplicaRules
{
    public static IReadOnlyList<string> Violations(RenderedManifests manifests)
    {
        var violations = new List<string>();
        foreach (var deployment in manifests.Deployments)
        {
            var name = deployment.Metadata.Name;
            var labels = deployment.Spec.Template.Metadata.Labels;
            bool Selects(IDictionary<string, string>? selector) => selector is { Count: > 0 } && selector.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value);
            var services = manifests.Services.Where(s => Selects(s.Spec.Selector)).ToList();
            if (!services.Any(s => s.Spec.ClusterIP != "None"))
            {
                violations.Add($"{name}: no Service selects its pods");
            }

            if (!services.Any(s => s.Spec.ClusterIP == "None"))
            {
                violations.Add($"{name}: no headless Service names its pods");
            }

            if (!manifests.DisruptionBudgets.Any(b => Selects(b.Spec.Selector?.MatchLabels)))
            {
                violations.Add($"{name}: no PodDisruptionBudget covers its pods");
            }

            var autoscaler = manifests.Autoscalers.SingleOrDefault(a => a.Spec.ScaleTargetRef is { Kind: "Deployment" } target && target.Name == name);
            if (autoscaler is null)
            {
                violations.Add($"{name}: no HorizontalPodAutoscaler scales it");
            }
            else if (autoscaler.Spec.MinReplicas is not >= 2)
            {
                violations.Add($"{name}: its autoscaler keeps fewer than 2 replicas, so a drain would stop the service");
            }
        }

        violations.AddRange(manifests.StatefulSets
            .Where(set => set.Spec.VolumeClaimTemplates is not { Count: > 0 })
            .Select(set => $"{set.Metadata.Name}: a StatefulSet without a volume claim keeps no data"));
        return violations;
    }
}
