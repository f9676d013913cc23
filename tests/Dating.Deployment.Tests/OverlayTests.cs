using Dating.Deployment.Tests.Model;
using Dating.Deployment.Tests.Rendering;
using Dating.Deployment.Tests.Rules;

namespace Dating.Deployment.Tests;

/// <summary>Each overlay in infra/overlays, rendered by kubectl kustomize and loaded strictly into typed objects.</summary>
public sealed class OverlayTests
{
    public static readonly TheoryData<string> Overlays = ["in-cluster", "managed", "monolith"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_Deployment_has_probes_limits_a_restricted_non_root_context_and_an_image_the_build_produces(string overlay)
    {
        var manifests = await RenderedManifests.OfOverlayAsync(overlay);
        var images = await BuiltImages.ByService;

        manifests.Deployments.ShouldNotBeEmpty();
        manifests.Deployments.SelectMany(d => DeploymentRules.Violations(d, images)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_service_has_a_Service_a_headless_Service_a_disruption_budget_and_an_autoscaler(string overlay)
    {
        var manifests = await RenderedManifests.OfOverlayAsync(overlay);

        ReplicaRules.Violations(manifests).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_connection_string_and_setting_a_pod_reads_is_in_the_overlay(string overlay)
    {
        var manifests = await RenderedManifests.OfOverlayAsync(overlay);

        ReferenceRules.Violations(manifests).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_gateway_reaches_the_services_it_hashes_users_over_through_their_headless_Service(string overlay)
    {
        var manifests = await RenderedManifests.OfOverlayAsync(overlay);

        GatewayRules.Violations(manifests).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_gateway_the_Services_and_the_probes_reach_ports_the_pods_serve_in_the_protocol_they_speak(string overlay)
    {
        var manifests = await RenderedManifests.OfOverlayAsync(overlay);

        ProtocolRules.Violations(manifests).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("in-cluster", new[] { "azurite", "postgres", "rabbitmq", "redis" })]
    [InlineData("monolith", new[] { "azurite", "postgres", "redis" })]
    [InlineData("managed", new string[0])]
    public async Task The_servers_in_the_cluster_are_StatefulSets_and_a_managed_overlay_has_none(string overlay, string[] servers)
    {
        var manifests = await RenderedManifests.OfOverlayAsync(overlay);

        manifests.StatefulSets.Select(s => s.Metadata.Name).Order().ShouldBe(servers);
    }
}
