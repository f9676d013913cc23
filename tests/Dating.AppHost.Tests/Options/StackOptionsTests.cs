using Dating.AppHost.Options;

namespace Dating.AppHost.Tests.Options;

public sealed class StackOptionsTests
{
    private static readonly string[] Microservices = ["profiles", "photos", "matching", "chat"];

    private static StackOptions Parse(params string[] args) =>
        StackOptions.Parse(args, topology => topology == Topology.Monolith ? ["monolith"] : Microservices);

    [Fact]
    public void Without_options_it_is_the_microservices_with_one_replica_each_and_one_spare()
    {
        var options = Parse();

        options.Topology.ShouldBe(Topology.Microservices);
        Microservices.ShouldAllBe(service => options.ReplicasOf(service) == 1);
        options.Spares.ShouldBe(1);
        options.Shards.ShouldBe(2);
        options.Isolated.ShouldBeFalse();
        options.HighAvailability.ShouldBeFalse();
        options.AspireArguments.ShouldBeEmpty();
    }

    [Fact]
    public void High_availability_is_asked_for_with_ha_and_goes_with_the_other_options()
    {
        var options = Parse("--ha", "--isolated", "--replicas", "chat=2");

        options.HighAvailability.ShouldBeTrue();
        options.Isolated.ShouldBeTrue();
        options.ReplicasOf("chat").ShouldBe(2);
        options.AspireArguments.ShouldBeEmpty();
    }

    [Fact]
    public void Replicas_are_given_per_service_repeated_or_comma_separated()
    {
        var options = Parse("--replicas", "matching=2,chat=3", "--replicas", "Profiles=4");

        options.ReplicasOf("matching").ShouldBe(2);
        options.ReplicasOf("chat").ShouldBe(3);
        options.ReplicasOf("profiles").ShouldBe(4);
        options.ReplicasOf("photos").ShouldBe(1);
    }

    [Fact]
    public void An_isolated_stack_has_no_spares_unless_asked()
    {
        Parse("--isolated").Spares.ShouldBe(0);
        Parse("--isolated", "--spares", "2").Spares.ShouldBe(2);
    }

    [Fact]
    public void An_isolated_stack_trades_durability_for_speed_unless_asked_to_keep_it()
    {
        Parse("--isolated").Durable.ShouldBeFalse();
        Parse("--isolated", "--durable").Durable.ShouldBeTrue();

        var fast = Dating.AppHost.Hosting.LocalData.Isolated(durable: false);
        var durable = Dating.AppHost.Hosting.LocalData.Isolated(durable: true);
        (fast.Throwaway, fast.UnsafeDurability).ShouldBe((true, true));
        (durable.Throwaway, durable.UnsafeDurability).ShouldBe((true, false));
    }

    [Fact]
    public void The_monolith_topology_knows_only_the_monolith()
    {
        Parse("--topology", "monolith", "--replicas", "monolith=2").ReplicasOf("monolith").ShouldBe(2);
        Should.Throw<StackConfigurationException>(() => Parse("--topology", "monolith", "--replicas", "chat=2"))
            .Message.ShouldBe("--replicas: unknown service 'chat'. Services in this topology: monolith.");
    }

    [Theory]
    [InlineData("--replicas", "billing=2", "--replicas: unknown service 'billing'. Services in this topology: profiles, photos, matching, chat.")]
    [InlineData("--replicas", "matching=10", "--replicas: matching=10 is out of range (1 to 9).")]
    [InlineData("--replicas", "matching", "--replicas: 'matching' is not NAME=N (for example matching=2).")]
    [InlineData("--shards", "0", "--shards: 0 is out of range (1 to 8).")]
    [InlineData("--shards", "9", "--shards: 9 is out of range (1 to 8).")]
    [InlineData("--replcas", "matching=2", "Unknown option '--replcas'. Try --help.")]
    public void A_mistake_is_one_line_that_names_it(string option, string value, string message) =>
        Should.Throw<StackConfigurationException>(() => Parse(option, value)).Message.ShouldBe(message);

    [Fact]
    public void Shards_are_a_count_of_servers()
    {
        Parse("--shards", "4").Shards.ShouldBe(4);
        Parse("--shards", "1").Shards.ShouldBe(1);
    }

    [Fact]
    public void An_unknown_topology_is_refused()
    {
        var error = Should.Throw<StackConfigurationException>(() => Parse("--topology", "mesh"));
        error.Message.ShouldContain("'mesh'");
        error.Message.ShouldContain("'microservices'");
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void Aspire_settings_pass_through()
    {
        Parse("--isolated", "DcpPublisher:RandomizePorts=false", "--operation", "run").AspireArguments
            .ShouldBe(["DcpPublisher:RandomizePorts=false", "--operation", "run"]);
    }
}
