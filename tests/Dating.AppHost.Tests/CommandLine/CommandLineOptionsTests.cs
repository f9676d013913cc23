using Dating.AppHost.Console;
using Dating.AppHost.Orchestration;

namespace Dating.AppHost.Tests.CommandLine;

public sealed class CommandLineOptionsTests
{
    [Fact]
    public void No_arguments_run_the_microservices_with_one_replica_each_and_kept_data()
    {
        var options = CommandLineOptions.Parse([]);
        options.ShouldBe(options with { Topology = Topology.Microservices, Fresh = false, Help = false });
        options.Replicas.ShouldBeEmpty();
    }

    [Fact]
    public void Replicas_can_be_repeated_or_comma_separated_and_the_last_value_wins()
    {
        var options = CommandLineOptions.Parse(["--replicas", "profiles=2", "--replicas", "chat=3,Profiles=4", "--fresh", "--topology", "monolith"]);
        options.Replicas.ShouldBe(new Dictionary<string, int> { ["profiles"] = 4, ["chat"] = 3 });
        options.Fresh.ShouldBeTrue();
        options.Topology.ShouldBe(Topology.Monolith);
    }

    [Theory]
    [InlineData("--replicas", "profiles")]
    [InlineData("--replicas", "profiles=two")]
    [InlineData("--topology", "mesh")]
    [InlineData("--topology")]
    [InlineData("--frsh")]
    public void Bad_arguments_are_refused_with_a_message_that_says_what_is_wrong(params string[] args)
    {
        var error = Should.Throw<StackConfigurationException>(() => CommandLineOptions.Parse(args));
        error.Message.ShouldContain(args[^1].Split('=')[0]);
    }

    [Fact]
    public async Task The_monolith_topology_refuses_replicas_of_a_microservice_and_names_what_it_runs()
    {
        var options = new StackOptions
        {
            Topology = Topology.Monolith,
            Replicas = new Dictionary<string, int> { ["profiles"] = 2 },
            LogDirectory = Path.GetTempPath(),
        };
        var error = await Should.ThrowAsync<StackConfigurationException>(() => DistributedStack.StartAsync(options));
        error.Message.ShouldContain("'profiles'");
        error.Message.ShouldContain("monolith");
    }

    [Fact]
    public async Task Replicas_of_an_unknown_service_or_out_of_range_are_refused_before_anything_starts()
    {
        var unknown = new StackOptions { Replicas = new Dictionary<string, int> { ["billing"] = 2 }, LogDirectory = Path.GetTempPath() };
        (await Should.ThrowAsync<StackConfigurationException>(() => DistributedStack.StartAsync(unknown))).Message.ShouldContain("billing");
        var tooMany = unknown with { Replicas = new Dictionary<string, int> { ["profiles"] = 10 } };
        (await Should.ThrowAsync<StackConfigurationException>(() => DistributedStack.StartAsync(tooMany))).Message.ShouldContain("profiles=10");
    }
}
