using Dating.Deployment.Tests.Model;

namespace Dating.Deployment.Tests;

/// <summary>The runtime settings every host's build carries into its image and its dev-stack process (build/Runtime.targets).</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public async Task Every_service_the_gateway_and_the_monolith_run_workstation_gc_with_tiered_pgo()
    {
        var hosts = await BuiltImages.Hosts;

        hosts.Keys.ShouldBe(["gateway", "profiles", "photos", "matching", "chat", "monolith"], ignoreOrder: true);
        hosts.Where(host => host.Value.ServerGarbageCollection).Select(host => host.Key).ShouldBeEmpty("server GC");
        hosts.Where(host => !host.Value.TieredPgo).Select(host => host.Key).ShouldBeEmpty("without tiered PGO");
    }
}
