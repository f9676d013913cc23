using Dating.Deployment.Tests.Model;
using Dating.Deployment.Tests.Rendering;
using Dating.Deployment.Tests.Rules;

namespace Dating.Deployment.Tests;

/// <summary>The manifests and the app host describe the same system: the same services, the same configuration names.</summary>
public sealed class AppHostAgreementTests
{
    [Theory]
    [InlineData("in-cluster")]
    [InlineData("managed")]
    public async Task The_microservices_overlays_run_the_services_of_the_app_host_with_its_configuration_names(string overlay)
    {
        var appHost = await AppHostSystem.Microservices;
        var manifests = await RenderedManifests.OfOverlayAsync(overlay);

        AppHostAgreement.Differences(appHost, manifests).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_monolith_overlay_runs_the_monolith_behind_the_gateway_as_the_app_host_does()
    {
        var appHost = await AppHostSystem.Monolith;
        var manifests = await RenderedManifests.OfOverlayAsync("monolith");

        AppHostAgreement.Differences(appHost, manifests).ShouldBeEmpty();
    }
}
