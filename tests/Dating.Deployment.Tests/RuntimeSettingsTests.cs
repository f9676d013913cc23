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

    [Fact]
    public async Task Every_image_runs_with_inline_socket_completions_as_the_app_host_s_processes_do()
    {
        var hosts = await BuiltImages.Hosts;

        hosts.Where(host => host.Value.Environment.GetValueOrDefault("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") != "1")
            .Select(host => host.Key).ShouldBeEmpty("without inline socket completions");
    }
}
