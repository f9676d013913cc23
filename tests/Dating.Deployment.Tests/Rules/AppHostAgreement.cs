using Dating.Deployment.Tests.Model;
using Dating.Deployment.Tests.Rendering;

namespace Dating.Deployment.Tests.Rules;

/// <summary>
/// Whether an overlay and the app host describe the same system: the same services (a Deployment per service the app
/// host runs, none more), and each service with the same configuration names (<see cref="ConfigurationContract"/>).
/// </summary>
public static class AppHostAgreement
{
    public static IReadOnlyList<string> Differences(IReadOnlyList<AppHostService> appHost, RenderedManifests manifests)
    {
        var deployments = manifests.Deployments.ToDictionary(d => d.Metadata.Name);
        var differences = new List<string>();
        differences.AddRange(appHost.Where(s => !deployments.ContainsKey(s.Name)).Select(s => $"{s.Name} runs in the app host but has no Deployment"));
        differences.AddRange(deployments.Keys.Where(name => appHost.All(s => s.Name != name)).Select(name => $"{name} has a Deployment but the app host does not run it"));
        foreach (var service in appHost.Where(s => deployments.ContainsKey(s.Name)))
        {
            var expected = ConfigurationContract.Of(service.ConfigurationNames);
            var actual = ConfigurationContract.Of(manifests.EnvironmentNamesOf(deployments[service.Name]));
            differences.AddRange(expected.Except(actual).Order().Select(name => $"{service.Name}: the app host passes {name}, the manifests do not"));
            differences.AddRange(actual.Except(expected).Order().Select(name => $"{service.Name}: the manifests pass {name}, the app host does not"));
        }

        return differences;
    }
}
