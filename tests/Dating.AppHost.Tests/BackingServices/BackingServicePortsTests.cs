using Dating.AppHost.BackingServices;
using Shouldly;

namespace Dating.AppHost.Tests.BackingServices;

public sealed class BackingServicePortsTests
{
    [Fact]
    public void Free_ports_lie_below_the_ephemeral_range_and_are_never_handed_out_twice()
    {
        var ephemeralLow = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split(['\t', ' '])[0]);

        var ports = Enumerable.Range(0, 200).Select(_ => BackingServicePorts.FreePort()).ToList();

        ports.Distinct().Count().ShouldBe(ports.Count);
        ports.ShouldAllBe(port => port < ephemeralLow && port > 1024);
        ports.ShouldAllBe(port => !BackingServicePorts.IsInUse(port));
    }
}
