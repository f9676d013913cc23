using Dating.AppHost.Options;
using Dating.Benchmarks.Comparison;
using Dating.Benchmarks.Faults;
using Dating.Benchmarks.Scenarios;
using Dating.Benchmarks.Scenarios.Matching;

namespace Dating.Benchmarks.Tests;

/// <summary>The tool's command line, with a recording run in place of the benchmarks: no stack starts.</summary>
public sealed class BenchmarkCommandLineTests
{
    private const int RunExitCode = 7;

    private sealed record Invocation(int ExitCode, BenchmarkRun? Run, string Output, string Error);

    private static async Task<Invocation> InvokeAsync(params string[] args)
    {
        BenchmarkRun? recorded = null;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BenchmarkCommandLine.InvokeAsync(args, (run, _) =>
        {
            recorded = run;
            return Task.FromResult(RunExitCode);
        }, output, error);
        return new Invocation(exitCode, recorded, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("profiles")]
    [InlineData("photos")]
    [InlineData("matching")]
    [InlineData("chat")]
    [InlineData("compare")]
    [InlineData("locality")]
    [InlineData("sharding")]
    [InlineData("faults")]
    public async Task Each_verb_runs_its_benchmark_full_or_quick(string verb)
    {
        var full = await InvokeAsync(verb);
        var quick = await InvokeAsync(verb, "--quick");

        full.ExitCode.ShouldBe(RunExitCode);
        full.Run.ShouldNotBeNull().Benchmark.ShouldBe(verb);
        full.Run.Quick.ShouldBeFalse();
        quick.Run.ShouldNotBeNull().Quick.ShouldBeTrue();
        quick.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Compare_runs_both_topologies_and_every_scenario_unless_told()
    {
        var run = (await InvokeAsync("compare")).Run.ShouldNotBeNull();

        run.Topologies.ShouldBe([Topology.Microservices, Topology.Monolith]);
        run.Compare.ShouldBe(CompareOptions.Default);
    }

    [Fact]
    public async Task Compare_takes_its_topologies_profile_and_scenarios()
    {
        var run = (await InvokeAsync("compare", "--quick", "--topologies", "Monolith,microservices", "--profile", "--scenarios", "session-max,fault"))
            .Run.ShouldNotBeNull();

        run.Quick.ShouldBeTrue();
        run.Topologies.ShouldBe([Topology.Monolith, Topology.Microservices]);
        run.Compare.Profile.ShouldBeTrue();
        run.Compare.Scenarios.ShouldNotBeNull().ShouldBe([ScenarioNames.SessionMax, CompareOptions.FaultKey], ignoreOrder: true);
    }

    [Fact]
    public async Task Compare_takes_variants_each_with_its_settings()
    {
        var run = (await InvokeAsync("compare", "--variant", "workstation-gc:DOTNET_gcServer=0,DOTNET_gcConcurrent=0", "--variant", "recheck:Sessions__ForwardingKey="))
            .Run.ShouldNotBeNull();

        var variants = run.Compare.AllVariants;
        variants.Select(v => v.Name).ShouldBe(["workstation-gc", "recheck"]);
        variants[0].Environment.ShouldBe(new Dictionary<string, string> { ["DOTNET_gcServer"] = "0", ["DOTNET_gcConcurrent"] = "0" }, ignoreOrder: true);
        variants[1].Environment.ShouldBe(new Dictionary<string, string> { ["Sessions__ForwardingKey"] = "" });
        variants[0].Label("monolith").ShouldBe("monolith [workstation-gc]");
    }

    [Fact]
    public async Task A_variant_s_setting_can_be_for_one_process()
    {
        var run = (await InvokeAsync("compare", "--variant", "gw-inline:gateway/DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1,DOTNET_gcServer=0"))
            .Run.ShouldNotBeNull();

        run.Compare.AllVariants.ShouldHaveSingleItem().Environment.ShouldBe(
            new Dictionary<string, string> { ["gateway/DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1", ["DOTNET_gcServer"] = "0" }, ignoreOrder: true);
    }

    [Fact]
    public async Task A_variant_can_run_another_revision_s_code_with_or_without_settings()
    {
        var run = (await InvokeAsync("compare", "--variant", "before:@HEAD~1", "--variant", "old-gc:@53760aa,DOTNET_gcServer=0")).Run.ShouldNotBeNull();

        var (before, oldGc) = (run.Compare.AllVariants[0], run.Compare.AllVariants[1]);
        before.Revision.ShouldBe("HEAD~1");
        before.Environment.ShouldBeEmpty();
        before.Describe().ShouldBe("before: the code of @HEAD~1");
        oldGc.Revision.ShouldBe("53760aa");
        oldGc.Environment.ShouldBe(new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" });
        oldGc.Describe().ShouldBe("old-gc: the code of @53760aa, DOTNET_gcServer=0");
        (await InvokeAsync("compare", "--variant", "spin:X=1")).Run.ShouldNotBeNull().Compare.AllVariants.ShouldHaveSingleItem().Revision.ShouldBeNull();
    }

    [Fact]
    public async Task Profiles_takes_variants_each_measured_as_one_more_gateway()
    {
        var run = (await InvokeAsync("profiles", "--variant", "gw-inline:gateway/DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0")).Run.ShouldNotBeNull();

        var variant = run.Compare.AllVariants.ShouldHaveSingleItem();
        ProfilesBenchmark.GatewayUnder(variant).ShouldBe("gateway [gw-inline]");
        variant.Environment.ShouldBe(new Dictionary<string, string> { ["gateway/DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "0" });
    }

    [Fact]
    public async Task Compare_takes_its_rounds_and_otherwise_keeps_the_settings_own()
    {
        var run = (await InvokeAsync("compare", "--rounds", "3")).Run.ShouldNotBeNull();

        run.Compare.Rounds.ShouldBe(3);
        run.Compare.Apply(CompareSettings.Full).Rounds.ShouldBe(3);
        run.Compare.Describe().ShouldContain("3 round(s) (--rounds)");
        (await InvokeAsync("compare")).Run.ShouldNotBeNull().Compare.Apply(CompareSettings.Full).ShouldBe(CompareSettings.Full);
    }

    [Fact]
    public async Task Faults_runs_both_topologies_unless_told()
    {
        (await InvokeAsync("faults")).Run.ShouldNotBeNull().Topologies.ShouldBe([Topology.Microservices, Topology.Monolith]);
        (await InvokeAsync("faults", "--topologies", "monolith")).Run.ShouldNotBeNull().Topologies.ShouldBe([Topology.Monolith]);
    }

    [Fact]
    public async Task Faults_under_ha_runs_the_high_availability_faults_on_that_stack()
    {
        (await InvokeAsync("faults")).Run.ShouldNotBeNull().HighAvailability.ShouldBeFalse();
        var run = (await InvokeAsync("faults", "--ha", "--topologies", "microservices")).Run.ShouldNotBeNull();
        run.HighAvailability.ShouldBeTrue();

        var full = FaultSettings.For(Topology.Microservices, run.Quick, run.HighAvailability);
        full.HighAvailability.ShouldBeTrue();
        full.Faults.ShouldBe([Fault.PostgresPrimary(synchronous: true), Fault.PostgresStandby, Fault.PostgresPrimary(synchronous: false)]);
        full.Faults.Select(f => f.Name).ShouldBe(["kill -9 of the PostgreSQL primary, synchronous replication",
            "kill -9 of the PostgreSQL standby", "kill -9 of the PostgreSQL primary, asynchronous replication"]);
        FaultSettings.For(Topology.Monolith, quick: true, highAvailability: true).Faults.ShouldBe([Fault.PostgresPrimary(synchronous: true)]);
        FaultSettings.For(Topology.Monolith, quick: true).HighAvailability.ShouldBeFalse();
    }

    [Fact]
    public async Task Matching_under_ha_times_the_batch_with_and_without_the_standby_in_minutes()
    {
        (await InvokeAsync("matching", "--ha")).Run.ShouldNotBeNull().HighAvailability.ShouldBeTrue();

        var full = MatchingSettings.Full.WithHighAvailability();
        full.HighAvailability.ShouldBeTrue();
        full.BatchUsers.ShouldBe(2_000);
        full.BatchInterval.ShouldBe(TimeSpan.FromMinutes(1));
        full.StandbyRounds.ShouldBe(2);
        MatchingSettings.Quick.WithHighAvailability().ShouldBe(MatchingSettings.Quick with { HighAvailability = true, StandbyRounds = 1 });
    }

    [Theory]
    [InlineData("Required command was not provided. Try --help.")]
    [InlineData("Unrecognized command or argument 'bogus'. Try --help.", "bogus", "--quick")]
    [InlineData("Unrecognized command or argument '--quik'. Try --help.", "compare", "--quik")]
    [InlineData("Unrecognized command or argument '--quick'. Try --help.", "--quick", "profiles")]
    [InlineData("Unrecognized command or argument '--topologies'. Try --help.", "profiles", "--topologies", "monolith")]
    [InlineData("Unrecognized command or argument '--profile'. Try --help.", "locality", "--profile")]
    [InlineData("Unrecognized command or argument '--ha'. Try --help.", "compare", "--ha")]
    [InlineData("--rounds: '0' is not a number of rounds from 1 to 10. Try --help.", "compare", "--rounds", "0")]
    [InlineData("--rounds: '11' is not a number of rounds from 1 to 10. Try --help.", "compare", "--rounds", "11")]
    [InlineData("--rounds: 'three' is not a number of rounds from 1 to 10. Try --help.", "compare", "--rounds", "three")]
    [InlineData("Unrecognized command or argument '--rounds'. Try --help.", "faults", "--rounds", "3")]
    [InlineData("Unrecognized command or argument '--ha'. Try --help.", "photos", "--ha")]
    [InlineData("--topologies: 'mesh' is not a topology; they are microservices and monolith. Try --help.", "compare", "--topologies", "monolith,mesh")]
    [InlineData("--topologies: 'Monolith' is named twice. Try --help.", "compare", "--topologies", "monolith,Monolith")]
    [InlineData("--topologies: name at least one of microservices and monolith. Try --help.", "compare", "--topologies", ",")]
    [InlineData("Required argument missing for option: '--topologies'. Try --help.", "compare", "--topologies")]
    [InlineData("--scenarios: 'swipe,nonsense' is not a list of public-profile, public-profile-max, recommendations, recommendations-max, swipe, message, propagation, session, "
        + "session-max, scaling, fault. Try --help.", "compare", "--scenarios", "swipe,nonsense")]
    [InlineData("--variant: 'Spin:X=1' needs a name of lower-case letters, digits and dashes before the colon (NAME:KEY=VALUE,…). Try --help.", "compare", "--variant", "Spin:X=1")]
    [InlineData("--variant: 'spin' sets nothing: NAME:KEY=VALUE,… or NAME:@REV. Try --help.", "compare", "--variant", "spin")]
    [InlineData("--variant: '@main' in 'two:@HEAD~1,@main' is a second revision: a variant runs one revision's code. Try --help.", "compare", "--variant", "two:@HEAD~1,@main")]
    [InlineData("--variant: '@' in 'none:@' is not @REV with a git revision (letters, digits and ~^._/-, such as @HEAD~1). Try --help.", "compare", "--variant", "none:@")]
    [InlineData("--variant: '@-x' in 'opt:@-x' is not @REV with a git revision (letters, digits and ~^._/-, such as @HEAD~1). Try --help.", "compare", "--variant", "opt:@-x")]
    [InlineData("--variant: '@a b' in 'sp:@a b' is not @REV with a git revision (letters, digits and ~^._/-, such as @HEAD~1). Try --help.", "compare", "--variant", "sp:@a b")]
    [InlineData("--variant: '=1' in 'spin:=1' is not KEY=VALUE with a new environment variable name. Try --help.", "compare", "--variant", "spin:=1")]
    [InlineData("--variant: 'X=2' in 'spin:X=1,X=2' is not KEY=VALUE with a new environment variable name. Try --help.", "compare", "--variant", "spin:X=1,X=2")]
    [InlineData("--variant: 'spin' is named twice. Try --help.", "compare", "--variant", "spin:X=1", "--variant", "spin:X=0")]
    [InlineData("--variant: 'gatway/X=1' in 'gw:gatway/X=1' is for 'gatway', which is none of the stack's processes (gateway, profiles, photos, matching, chat, monolith). Try --help.", "compare", "--variant", "gw:gatway/X=1")]
    [InlineData("--variant: 'Gateway/X=1' in 'gw:Gateway/X=1' is not KEY=VALUE with a new environment variable name. Try --help.", "compare", "--variant", "gw:Gateway/X=1")]
    public async Task A_mistake_is_one_line_and_exit_code_2_and_runs_nothing(string message, params string[] args)
    {
        var invocation = await InvokeAsync(args);

        invocation.ExitCode.ShouldBe(2);
        invocation.Run.ShouldBeNull();
        invocation.Error.ShouldBe(message + Environment.NewLine);
    }

    [Fact]
    public async Task Help_lists_every_verb_and_each_verb_its_own_options()
    {
        var root = await InvokeAsync("--help");
        var compare = await InvokeAsync("compare", "--help");
        var profiles = await InvokeAsync("profiles", "--help");

        new[] { root, compare, profiles }.ShouldAllBe(help => help.ExitCode == 0 && help.Run == null);
        foreach (var (verb, benchmark) in BenchmarkVerbs.All)
        {
            root.Output.ShouldContain($"  {verb}  ");
            root.Output.ShouldContain(benchmark.Description);
        }

        foreach (var option in new[] { "--quick", "--topologies", "--profile", "--scenarios", "--variant" })
        {
            compare.Output.ShouldContain($"  {option} ");
        }

        compare.Output.ShouldContain("NAME:@REV[,KEY=VALUE,…]");
        profiles.Output.ShouldContain("  --quick ");
        profiles.Output.ShouldContain("  --variant ");
        profiles.Output.ShouldNotContain("--topologies");
        profiles.Output.ShouldNotContain("--rounds");
    }
}
