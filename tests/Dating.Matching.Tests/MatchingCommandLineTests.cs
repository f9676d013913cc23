using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace Dating.Matching.Tests;

/// <summary>The host's command line over a host that never starts, serving recorded: what is parsed, refused and listed.</summary>
public sealed class MatchingCommandLineTests : IDisposable
{
    private readonly IHost _host = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings()).Build();
    private bool _served;

    public void Dispose() => _host.Dispose();

    private ParseResult Parse(params string[] args) => MatchingCommandLine.Parse(_host, args, Serve);

    private Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) => _host.RunCommandLineAsync(args, Serve, output, error);

    private Task Serve(CancellationToken ct)
    {
        _served = true;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Without_a_verb_it_serves_and_the_hosts_own_arguments_pass_through()
    {
        string[] hostArguments = ["--urls", "http://127.0.0.1:5130", "Matching:Queues:Length=10", "--environment=Development", "@file"];

        var result = Parse(hostArguments);
        var exitCode = await RunAsync(hostArguments, TextWriter.Null, TextWriter.Null);

        result.Errors.ShouldBeEmpty();
        result.UnmatchedTokens.ShouldBe(hostArguments);
        exitCode.ShouldBe(0);
        _served.ShouldBeTrue();
    }

    [Theory]
    [InlineData(100000, null, "seed", "100000")]
    [InlineData(100, 42, "seed", "100", "42")]
    [InlineData(100, null, "seed", "100", "--ConnectionStrings:matching=Host=127.0.0.1")]
    [InlineData(100, 42, "seed", "100", "42", "--ConnectionStrings:matching", "Host=127.0.0.1")]
    public void Seed_takes_a_count_then_maybe_a_random_seed_then_configuration(int count, int? randomSeed, params string[] args)
    {
        var result = Parse(args);

        result.Errors.ShouldBeEmpty();
        result.CommandResult.Command.Name.ShouldBe("seed");
        result.GetValue<int>("count").ShouldBe(count);
        result.GetValue<int?>("randomSeed").ShouldBe(randomSeed);
    }

    [Theory]
    [InlineData("Required argument missing for command: 'seed'. Try --help.", "seed")]
    [InlineData("seed: the count must be a whole number, 0 or more, not 'lots'. Try --help.", "seed", "lots")]
    [InlineData("seed: the count must be a whole number, 0 or more, not '-1'. Try --help.", "seed", "-1")]
    public async Task A_bad_count_is_one_line_and_exit_code_2(string message, params string[] args)
    {
        using var error = new StringWriter();

        var exitCode = await RunAsync(args, TextWriter.Null, error);

        exitCode.ShouldBe(2);
        _served.ShouldBeFalse();
        error.ToString().ShouldBe(message + Environment.NewLine);
    }

    [Theory]
    [InlineData("add", "matching-shard-2", "matching-shard-2", "--ConnectionStrings:matching-shard-2=Host=127.0.0.1")]
    [InlineData("remove", "matching-shard-1", "matching-shard-1", "--ack-timeout", "5")]
    [InlineData("list", null)]
    public void Shards_takes_a_verb_then_the_shard_then_configuration(string verb, string? shard, params string[] rest)
    {
        var result = Parse(["shards", verb, .. rest]);

        result.Errors.ShouldBeEmpty();
        result.CommandResult.Command.Name.ShouldBe(verb);
        if (shard is not null)
        {
            result.GetValue<string>("shard").ShouldBe(shard);
        }
    }

    [Fact]
    public async Task Shards_add_without_a_shard_is_one_line_and_exit_code_2()
    {
        using var error = new StringWriter();

        (await RunAsync(["shards", "add"], TextWriter.Null, error)).ShouldBe(2);

        _served.ShouldBeFalse();
        error.ToString().ShouldBe("Required argument missing for command: 'add'. Try --help." + Environment.NewLine);
    }

    [Fact]
    public async Task Help_lists_the_verbs_and_their_arguments()
    {
        using var root = new StringWriter();
        using var seed = new StringWriter();

        (await RunAsync(["--help"], root, TextWriter.Null)).ShouldBe(0);
        (await RunAsync(["seed", "--help"], seed, TextWriter.Null)).ShouldBe(0);

        _served.ShouldBeFalse();
        root.ToString().ShouldContain("Without a command it serves");
        root.ToString().ShouldContain("  seed ");
        root.ToString().ShouldContain("  shards ");
        seed.ToString().ShouldContain("<count>");
        seed.ToString().ShouldContain("<randomSeed>");
    }
}
