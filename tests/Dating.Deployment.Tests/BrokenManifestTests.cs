using Dating.Deployment.Tests.Model;
using Dating.Deployment.Tests.Rendering;
using Dating.Deployment.Tests.Rules;

namespace Dating.Deployment.Tests;

/// <summary>
/// The checks catch what they claim to: the rendered in-cluster overlay, broken one way at a time, is reported.
/// Each case first asserts that its edit changed the manifests, so a case cannot pass by breaking nothing.
/// </summary>
public sealed class BrokenManifestTests
{
    public static readonly TheoryData<string, string, string> DeploymentBreaks = new()
    {
        { "path: /health\n", "path: /healthz\n", "readiness probe on /health" },
        { "path: /alive\n", "path: /\n", "liveness probe on /alive" },
        { "          limits:\n            cpu: \"1\"\n            memory: 512Mi\n", "", "cpu and memory limits" },
        { "runAsNonRoot: true", "runAsNonRoot: false", "runAsNonRoot" },
        { "runAsUser: 1654", "runAsUser: 0", "user 0" },
        { "allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true", "allowPrivilegeEscalation" },
        { "- ALL", "- NET_RAW", "drop ALL capabilities" },
        { "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", "read-only root file system" },
        { "type: RuntimeDefault", "type: Unconfined", "RuntimeDefault seccomp profile" },
        { "image: dating/matching:", "image: dating/matching-old:", "not the image the build produces" },
    };

    [Theory]
    [MemberData(nameof(DeploymentBreaks))]
    public async Task A_Deployment_that_breaks_a_rule_is_reported(string find, string replacement, string reported)
    {
        var manifests = RenderedManifests.Load(await BreakAsync(find, replacement));
        var images = await BuiltImages.ByService;

        manifests.Deployments.SelectMany(d => DeploymentRules.Violations(d, images)).ShouldContain(v => v.Contains(reported));
    }

    [Theory]
    [InlineData("readinessProbe:", "readynessProbe:", "readynessProbe")]
    [InlineData("failureThreshold: 3", "failureThreshold: three", "YamlDotNet.Core.YamlException")]
    [InlineData("kind: PodDisruptionBudget", "kind: PodDisruptionBudgets", "'policy/v1/PodDisruptionBudgets'")]
    public async Task A_manifest_with_an_unknown_field_a_wrong_type_or_an_unknown_kind_does_not_load(string find, string replacement, string reported)
    {
        var broken = await BreakAsync(find, replacement);

        var failure = Should.Throw<Exception>(() => RenderedManifests.Load(broken));
        failure.ToString().ShouldContain(reported);
    }

    [Theory]
    [InlineData("HorizontalPodAutoscaler", "matching", "matching: no HorizontalPodAutoscaler")]
    [InlineData("PodDisruptionBudget", "chat", "chat: no PodDisruptionBudget")]
    [InlineData("Service", "photos-pods", "photos: no headless Service")]
    [InlineData("Service", "profiles", "profiles: no Service selects")]
    public async Task A_missing_object_is_reported(string kind, string name, string reported)
    {
        var manifests = RenderedManifests.Load(await WithoutDocumentAsync(kind, name));

        ReplicaRules.Violations(manifests).ShouldContain(v => v.Contains(reported));
    }

    [Fact]
    public async Task An_autoscaler_that_may_keep_one_replica_is_reported()
    {
        var manifests = RenderedManifests.Load(await BreakAsync("minReplicas: 2", "minReplicas: 1"));

        ReplicaRules.Violations(manifests).ShouldContain(v => v.Contains("fewer than 2 replicas"));
    }

    [Theory]
    [InlineData("http://matching-pods:8080", "http://matching:8080", "reaches matching at http://matching:8080, not a headless Service")]
    [InlineData("  services__chat__h2c__0: http://chat-pods:8081\n  services__chat__http__0: http://chat-pods:8080\n", "", "no address of chat")]
    [InlineData("- name: Gateway__ResolvePodsByDns\n          value: \"true\"", "- name: Gateway__ResolvePodsByDns\n          value: \"false\"", "Gateway__ResolvePodsByDns is not true")]
    public async Task A_gateway_that_cannot_see_the_pods_of_a_hashed_service_is_reported(string find, string replacement, string reported)
    {
        var manifests = RenderedManifests.Load(await BreakAsync(find, replacement));

        GatewayRules.Violations(manifests).ShouldContain(v => v.Contains(reported));
    }

    [Theory]
    [InlineData("        - containerPort: 8081\n          name: h2c\n", "", "matching: Service matching-pods targets port h2c, which its pods do not declare")]
    [InlineData("          value: Http2\n", "          value: Http1AndHttp2\n",
        "gateway: services__matching__h2c__0=http://matching-pods:8081 leads to port 8081 of matching's pods, where Kestrel serves Http1AndHttp2, not HTTP/2 alone")]
    [InlineData("http://matching-pods:8081", "http://matching-pods:8080", "gateway: services__matching__h2c__0=http://matching-pods:8080 leads to port 8080 of matching's pods, where Kestrel serves Http1AndHttp2, not HTTP/2 alone")]
    [InlineData("http://chat-pods:8081", "http://chat-pods:9090", "gateway: services__chat__h2c__0=http://chat-pods:9090, but Service chat-pods has no port 9090")]
    [InlineData("value: http://*:8081\n", "value: http://*:8082\n", "matching: Service matching-pods's port h2c leads to port 8081, where nothing listens")]
    [InlineData("port: http\n", "port: h2c\n", "profiles: its readiness probe goes to port 8081, where Kestrel serves Http2, not HTTP/1.1")]
    [InlineData("        - name: ASPNETCORE_HTTP_PORTS\n          value: \"\"\n", "", "photos: names Kestrel's endpoints but keeps the image's ASPNETCORE_HTTP_PORTS")]
    public async Task A_port_that_does_not_serve_what_is_sent_to_it_is_reported(string find, string replacement, string reported)
    {
        var manifests = RenderedManifests.Load(await BreakAsync(find, replacement));

        ProtocolRules.Violations(manifests).ShouldContain(v => v.Contains(reported));
    }

    [Theory]
    [InlineData("        - name: Kestrel__Endpoints__h2c__Protocols\n          value: Http2\n", "matching: the app host passes Kestrel__Endpoints__h2c__Protocols, the manifests do not")]
    [InlineData("  services__matching__h2c__0: http://matching-pods:8081\n", "gateway: the app host passes services__matching__h2c__<i>, the manifests do not")]
    public async Task An_HTTP_2_setting_of_the_app_host_missing_from_the_manifests_is_reported(string find, string reported)
    {
        var manifests = RenderedManifests.Load(await BreakAsync(find, ""));

        AppHostAgreement.Differences(await AppHostSystem.Microservices, manifests).ShouldContain(reported);
    }

    [Fact]
    public async Task A_connection_string_missing_from_the_Secret_is_reported()
    {
        var manifests = RenderedManifests.Load(await BreakAsync("  redis: ", "  redis-old: "));

        ReferenceRules.Violations(manifests).ShouldContain(v => v.Contains("reads key redis of Secret"));
    }

    [Fact]
    public async Task A_missing_session_forwarding_key_is_reported_once_its_reference_is_not_optional()
    {
        var manifests = RenderedManifests.Load(await BreakAsync("optional: true", "optional: false"));

        ReferenceRules.Violations(manifests).ShouldContain(v => v.Contains("reads key key of Secret session-forwarding"));
    }

    [Fact]
    public async Task A_configuration_name_the_app_host_does_not_pass_is_reported_both_ways()
    {
        var manifests = RenderedManifests.Load(await BreakAsync("- name: ConnectionStrings__rabbitmq\n", "- name: ConnectionStrings__broker\n"));

        var differences = AppHostAgreement.Differences(await AppHostSystem.Microservices, manifests);

        differences.ShouldContain("chat: the app host passes ConnectionStrings__rabbitmq, the manifests do not");
        differences.ShouldContain("chat: the manifests pass ConnectionStrings__broker, the app host does not");
    }

    [Fact]
    public async Task A_service_of_the_app_host_without_a_Deployment_is_reported()
    {
        var manifests = RenderedManifests.Load(await WithoutDocumentAsync("Deployment", "chat"));

        AppHostAgreement.Differences(await AppHostSystem.Microservices, manifests).ShouldContain("chat runs in the app host but has no Deployment");
    }

    private static async Task<string> BreakAsync(string find, string replacement)
    {
        var rendered = await RenderedManifests.RenderAsync("in-cluster");
        var broken = rendered.Replace(find, replacement, StringComparison.Ordinal);
        broken.ShouldNotBe(rendered, $"'{find}' is not in the rendered manifests");
        return broken;
    }

    /// <summary>The rendered in-cluster overlay without the object of that kind and name.</summary>
    private static async Task<string> WithoutDocumentAsync(string kind, string name)
    {
        var documents = (await RenderedManifests.RenderAsync("in-cluster")).Split("\n---\n");
        var kept = documents.Where(d => !(d.Contains($"\nkind: {kind}\n", StringComparison.Ordinal) && d.Contains($"\n  name: {name}\n", StringComparison.Ordinal))).ToList();
        kept.Count.ShouldBe(documents.Length - 1, $"exactly one {kind} named {name}");
        return string.Join("\n---\n", kept);
    }
}
