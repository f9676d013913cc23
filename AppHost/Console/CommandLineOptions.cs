using Dating.AppHost.Orchestration;

namespace Dating.AppHost.Console;

/// <summary>The AppHost's command line: <c>--topology</c>, <c>--replicas NAME=N</c>, <c>--fresh</c>.</summary>
public sealed record CommandLineOptions(Topology Topology, IReadOnlyDictionary<string, int> Replicas, bool Fresh, bool Help)
{
    public const string Usage = """
        Usage: dotnet run --project AppHost [-- options]

          --topology microservices|monolith   which topology to run (default: microservices)
          --replicas NAME=N                   run N processes of a service behind the gateway (repeatable, or NAME=N,NAME=N);
                                              the monolith alone is the public API, monolith=N (N > 1) puts the gateway in front
          --fresh                             delete the dev stack's data (.local/data) before starting
          --help                              show this help

        The public API is http://127.0.0.1:5080. Ctrl+C stops everything.
        """;

    public static CommandLineOptions Parse(IReadOnlyList<string> args)
    {
        var topology = Topology.Microservices;
        var replicas = new Dictionary<string, int>();
        var fresh = false;
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--topology":
                    topology = ParseTopology(ValueAfter(args, ref i));
                    break;
                case "--replicas":
                    foreach (var pair in ValueAfter(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var (name, count) = ParseReplicas(pair);
                        replicas[name] = count;
                    }

                    break;
                case "--fresh":
                    fresh = true;
                    break;
                case "--help" or "-h":
                    help = true;
                    break;
                default:
                    throw new StackConfigurationException($"Unknown option '{args[i]}'.\n\n{Usage}");
            }
        }

        return new CommandLineOptions(topology, replicas, fresh, help);
    }

    private static string ValueAfter(IReadOnlyList<string> args, ref int i) =>
        i + 1 < args.Count ? args[++i] : throw new StackConfigurationException($"{args[i]} needs a value.\n\n{Usage}");

    private static Topology ParseTopology(string value) => value.ToLowerInvariant() switch
    {
        "microservices" => Topology.Microservices,
        "monolith" => Topology.Monolith,
        _ => throw new StackConfigurationException($"--topology: '{value}' is neither microservices nor monolith."),
    };

    private static (string Name, int Count) ParseReplicas(string pair)
    {
        var parts = pair.Split('=');
        return parts.Length == 2 && parts[0].Length > 0 && int.TryParse(parts[1], out var count)
            ? (parts[0].ToLowerInvariant(), count)
            : throw new StackConfigurationException($"--replicas: '{pair}' is not NAME=N (for example profiles=2).");
    }
}
