using Dating.BuildingBlocks.Modules;
using Dating.Deployment.Tests.Rendering;

namespace Dating.Deployment.Tests.Rules;

/// <summary>
/// The gateway keeps a user on one pod of each service that hashes users to replicas (the module catalog's
/// <see cref="ModuleEntry.KeepsUserOnOneReplica"/>) only if it sees every pod: it reaches them through a headless
/// Service with <c>Gateway__ResolvePodsByDns</c> on. Through a normal Service it sees one address, and the cluster
/// spreads each user's requests over the pods.
/// </summary>
public static class GatewayRules
{
    public static IReadOnlyList<string> Violations(RenderedManifests manifests)
    {
        if (manifests.Deployments.SingleOrDefault(d => d.Metadata.Name == "gateway") is not { } gateway)
        {
            return ["no gateway Deployment"];
        }

        var environment = manifests.EnvironmentOf(gateway);
        var headless = manifests.Services.Where(s => s.Spec.ClusterIP == "None").Select(s => s.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        var violations = new List<string>();
        if (!(environment.TryGetValue("Gateway__ResolvePodsByDns", out var resolvePods) && bool.TryParse(resolvePods, out var on) && on))
        {
            violations.Add("gateway: Gateway__ResolvePodsByDns is not true, so it does not follow the pods");
        }

        foreach (var module in ModuleCatalog.All.Where(m => m.KeepsUserOnOneReplica))
        {
            var addresses = environment.Where(e => e.Key.StartsWith($"services__{module.Name}__", StringComparison.Ordinal)).Select(e => e.Value ?? "").ToList();
            if (addresses.Count == 0)
            {
                violations.Add($"gateway: no address of {module.Name}");
            }

            // matching-pods, or matching-pods.dating.svc.cluster.local
            violations.AddRange(addresses
                .Where(address => !(Uri.TryCreate(address, UriKind.Absolute, out var uri) && headless.Contains(uri.Host.Split('.')[0])))
                .Select(address => $"gateway: reaches {module.Name} at {address}, not a headless Service, so consistent hashing sees one destination"));
        }

        return violations;
    }
}
