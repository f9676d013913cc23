using System.CommandLine;
using System.CommandLine.Parsing;
using Dating.AppHost.Options;
using Dating.Benchmarks.Comparison;

namespace Dating.Benchmarks;

/// <summary>The tool's command line: a verb per benchmark, each with its own options; a mistake is one line and exit code 2.</summary>
public static class BenchmarkCommandLine
{
    private static readonly Topology[] AllTopologies = Enum.GetValues<Topology>();

    /// <summary>Runs the benchmark <paramref name="args"/> name with <paramref name="run"/>, whose token Ctrl+C cancels.</summary>
    /// <returns>The process exit code: <paramref name="run"/>'s, 0 after --help, 2 for a mistake.</returns>
    public static async Task<int> InvokeAsync(
        IReadOnlyList<string> args, Func<BenchmarkRun, CancellationToken, Task<int>> run, TextWriter output, TextWriter error)
    {
        var result = CreateCommand(run).Parse(args);
        if (result.Errors.Count > 0)
        {
            // Without a verb the first error is that one is missing; for a misspelt verb the next, naming it, says more.
            var mistake = result.Errors.Count > 1 && result.CommandResult.Command is RootCommand ? result.Errors[1] : result.Errors[0];
            await error.WriteLineAsync($"{mistake.Message} Try --help.");
            return 2;
        }

        // Ctrl+C cancels the run's token and waits however long the run takes to stop what it started.
        return await result.InvokeAsync(new InvocationConfiguration
        {
            Output = output,
            Error = error,
            ProcessTerminationTimeout = Timeout.InfiniteTimeSpan,
            EnableDefaultExceptionHandler = false,
        });
    }

    private static RootCommand CreateCommand(Func<BenchmarkRun, CancellationToken, Task<int>> run)
    {
        var quick = new Option<bool>("--quick") { Description = "a run of a few seconds that only shows the tool works" };
        var topologies = new Option<IReadOnlyList<Topology>>("--topologies")
        {
            Description = "microservices,monolith: the topologies to compare (default both)",
            Arity = ArgumentArity.ExactlyOne,
            CustomParser = ParseTopologies,
        };
        var highAvailability = new Option<bool>("--ha")
        {
            Description = "the stack under the app host's --ha (Patroni, Redis Sentinel); faults: its own faults instead (the PostgreSQL primary "
                + "killed with synchronous replication, the standby killed, the primary killed with asynchronous replication); matching: "
                + "the queue batch also timed with the standby streaming and stopped",
        };
        var profile = new Option<bool>("--profile") { Description = "an extra pass with an EventPipe CPU profile of every process" };
        var scenarios = new Option<IReadOnlySet<string>?>("--scenarios")
        {
            Description = $"{string.Join(',', CompareOptions.Keys.Keys)}: the scenarios and experiments to run (default all)",
            CustomParser = ParseScenarios,
        };

        var variants = new Option<IReadOnlyList<RuntimeVariant>>("--variant")
        {
            Description = "NAME:KEY=VALUE,KEY=VALUE: also run each topology with these settings in every .NET process, beside the stack as it "
                + "ships, in the same rounds (repeatable; an empty VALUE unsets a setting; process/KEY=VALUE, such as gateway/KEY=VALUE, "
                + "sets it in that process only). NAME:@REV[,KEY=VALUE,…] runs every .NET process from that git revision's code instead "
                + "(before:@HEAD~1: the change's effect alone), built once in Release under /tmp/dating-benchmarks/revisions; the app "
                + "host's model stays the checkout's",
            AllowMultipleArgumentsPerToken = false,
            CustomParser = ParseVariants,
        };

        var rounds = new Option<int?>("--rounds")
        {
            Description = $"1 to {CompareOptions.MaxRounds}: the rounds of A B A B (default 2, with --quick 1)",
            Arity = ArgumentArity.ExactlyOne,
            CustomParser = ParseRounds,
        };

        var root = new RootCommand("Benchmarks the Dating stack through its public API, each on a stack of its own, and writes a Markdown "
            + "report to results/: dotnet run -c Release --project src/Benchmarks -- <benchmark> [options]");
        foreach (var (name, benchmark) in BenchmarkVerbs.All)
        {
            var command = new Command(name, benchmark.Description) { quick };
            if (name == BenchmarkVerbs.Faults)
            {
                command.Options.Add(topologies);
                command.Options.Add(highAvailability);
            }

            if (name == BenchmarkVerbs.Matching)
            {
                command.Options.Add(highAvailability);
            }

            if (name == BenchmarkVerbs.Profiles)
            {
                command.Options.Add(variants);
            }

            if (name == BenchmarkVerbs.Compare)
            {
                command.Options.Add(topologies);
                command.Options.Add(profile);
                command.Options.Add(scenarios);
                command.Options.Add(variants);
                command.Options.Add(rounds);
            }

            command.SetAction((result, ct) => run(
                new BenchmarkRun(
                    name,
                    result.GetValue(quick),
                    result.GetValue(topologies) ?? AllTopologies,
                    new CompareOptions(result.GetValue(profile), result.GetValue(scenarios), result.GetValue(variants), result.GetValue(rounds)),
                    result.GetValue(highAvailability)),
                ct));
            root.Subcommands.Add(command);
        }

        return root;
    }

    private static IReadOnlyList<Topology> ParseTopologies(ArgumentResult result)
    {
        var topologies = new List<Topology>();
        foreach (var name in result.Tokens[0].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<Topology>(name, ignoreCase: true, out var topology) || !Enum.IsDefined(topology))
            {
                result.AddError($"--topologies: '{name}' is not a topology; they are microservices and monolith.");
                return [];
            }

            if (topologies.Contains(topology))
            {
                result.AddError($"--topologies: '{name}' is named twice.");
                return [];
            }

            topologies.Add(topology);
        }

        if (topologies.Count == 0)
        {
            result.AddError("--topologies: name at least one of microservices and monolith.");
        }

        return topologies;
    }

    private static IReadOnlyList<RuntimeVariant> ParseVariants(ArgumentResult result)
    {
        var variants = new List<RuntimeVariant>();
        foreach (var token in result.Tokens)
        {
            if (RuntimeVariant.Parse(token.Value, out var mistake) is not { } variant)
            {
                result.AddError($"--variant: {mistake}");
                return [];
            }

            if (variants.Any(v => v.Name == variant.Name))
            {
                result.AddError($"--variant: '{variant.Name}' is named twice.");
                return [];
            }

            variants.Add(variant);
        }

        return variants;
    }

    private static int? ParseRounds(ArgumentResult result)
    {
        var token = result.Tokens[0].Value;
        if (int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rounds) && rounds is >= 1 and <= CompareOptions.MaxRounds)
        {
            return rounds;
        }

        result.AddError($"--rounds: '{token}' is not a number of rounds from 1 to {CompareOptions.MaxRounds}.");
        return null;
    }

    private static IReadOnlySet<string>? ParseScenarios(ArgumentResult result)
    {
        var list = result.Tokens[0].Value;
        var scenarios = CompareOptions.ParseScenarios(list);
        if (scenarios is null)
        {
            result.AddError($"--scenarios: '{list}' is not a list of {string.Join(", ", CompareOptions.Keys.Keys)}.");
        }

        return scenarios;
    }
}
