using Dating.Deployment.Tests.Rendering;
using k8s.Models;

namespace Dating.Deployment.Tests.Smoke;

/// <summary>The smoke test's changes to the manifests (<see cref="PodmanManifests"/>), checked offline: playing them needs podman.</summary>
public sealed class PodmanManifestsTests
{
    [Fact]
    public async Task The_gateway_is_given_each_pod_by_the_name_podman_knows_on_both_of_its_ports()
    {
        var rendered = await RenderedManifests.OfOverlayAsync("managed");
        var secretKeys = rendered.Objects.OfType<V1Secret>().SelectMany(s => s.Data?.Keys ?? []).Distinct();

        var (yaml, _, pods) = PodmanManifests.Adapt(rendered, new Dictionary<string, int> { ["matching"] = 2 }, image => image, secretKeys.ToDictionary(key => key, _ => "unused"));

        var played = RenderedManifests.Load(yaml);
        pods.ShouldContain("matching-pod-1");
        played.EnvironmentOf(played.Deployments.Single(d => d.Metadata.Name == "gateway"))
            .Where(e => e.Key.StartsWith("services__matching__", StringComparison.Ordinal))
            .Select(e => $"{e.Key}={e.Value}")
            .ShouldBe(
            [
                "services__matching__h2c__0=http://matching-pod-0:8081",
                "services__matching__h2c__1=http://matching-pod-1:8081",
                "services__matching__http__0=http://matching-pod-0:8080",
                "services__matching__http__1=http://matching-pod-1:8080",
            ],
            ignoreOrder: true);
    }
}
