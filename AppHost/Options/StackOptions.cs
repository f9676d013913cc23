using System.CommandLine;

namespace Dating.AppHost.Options;

/// <summary>The app host's own command line; whatever it does not know is left to Aspire.</summary>
public sealed record StackOptions
{
    public const int MaxReplicas = 9;

    public const int MaxShards = 8;

    public Topology Topology { get; init; } = Topology.Microservices;

    /// <summary>Running replicas per service (default 1).</summary>
    public IReadOnlyDictionary<string, int> Replicas { get; init; } = new Dictionary<string, int>();

    /// <summary>Replicas per service declared but not started: the dashboard's Start command scales out with them.</summary>
    public int Spares { get; init; } = 1;

    /// <summary>PostgreSQL servers for Matching's swipe shards (microservices and backing-only; the monolith keeps one shard in its database).</summary>
    public int Shards { get; init; } = 2;

    /// <summary>Delete the dev stack's data before starting.</summary>
    public bool Fresh { get; init; }

    /// <summary>Tests: free ports, throwaway data in a temporary folder, fast unsafe durability settings.</summary>
    public bool Isolated { get; init; }

    /// <summary>With <see cref="Isolated"/>: keep the dev stack's durability settings (fault runs kill servers with -9).</summary>
    public bool Durable { get; init; }

    /// <summary>Only the backing services (PostgreSQL, Redis, RabbitMQ, Azurite): the module tests' servers.</summary>
    public bool BackingOnly { get; init; }

    /// <summary>
    /// High availability: Redis as a master and a replica watched by three Sentinels; the main PostgreSQL as a Patroni
    /// cluster of two servers with synchronous replication (Matching's swipe shards stay single servers).
    /// </summary>
    public bool HighAvailability { get; init; }

    /// <summary>Arguments for Aspire itself.</summary>
    public IReadOnlyList<string> AspireArguments { get; init; } = [];

    public int ReplicasOf(string service) => Replicas.GetValueOrDefault(service, 1);

    private static readonly Option<string> TopologyOption = CreateTopologyOption();

    private static readonly Option<string[]> ReplicasOption = new("--replicas")
    {
        Description = "NAME=N: run N replicas of a service behind the gateway (repeatable, or NAME=N,NAME=N)",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<int?> SparesOption = new("--spares")
    {
        Description = "replicas per service that wait in the dashboard for its Start command (default 1, 0 with --isolated)",
    };

    private static readonly Option<int> ShardsOption = CreateShardsOption();

    private static readonly Option<bool> FreshOption = new("--fresh") { Description = "delete the dev stack's data (.local/data) first" };

    private static readonly Option<bool> IsolatedOption = new("--isolated")
    {
        Description = "free ports and throwaway data, so it runs beside a dev stack (tests)",
    };

    private static readonly Option<bool> DurableOption = new("--durable")
    {
        Description = "with --isolated: the dev stack's durability (Redis append-only file, PostgreSQL fsync), for fault runs",
    };

    private static readonly Option<bool> BackingOnlyOption = new("--backing-only") { Description = "only PostgreSQL, Redis, RabbitMQ and Azurite" };

    private static readonly Option<bool> HighAvailabilityOption = new("--ha")
    {
        Description = "Redis as a master and a replica watched by three Sentinels, and PostgreSQL as a primary and a synchronous standby under Patroni; each promotes its replica when the master dies",
    };

    public static RootCommand Command { get; } = CreateCommand();

    /// <summary>Parses the command line; a mistake throws <see cref="StackConfigurationException"/> with one line naming it.</summary>
    public static StackOptions Parse(IReadOnlyList<string> args, Func<Topology, IReadOnlyCollection<string>> servicesOf)
    {
        var result = Command.Parse(args.ToArray());
        if (result.Errors.Count > 0)
        {
            throw new StackConfigurationException(string.Join(' ', result.Errors[0].Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }

        // Aspire's own switches (e.g. --operation, --publisher) and configuration (Key=Value, --Key=Value) pass through.
        var unknown = result.UnmatchedTokens.FirstOrDefault(t => t.StartsWith("--", StringComparison.Ordinal) && !t.Contains('=') && !t.Contains(':') && !AspireSwitches.Contains(t));
        if (unknown is not null)
        {
            throw new StackConfigurationException($"Unknown option '{unknown}'. Try --help.");
        }

        var topology = result.GetValue(TopologyOption) == "monolith" ? Topology.Monolith : Topology.Microservices;
        var isolated = result.GetValue(IsolatedOption);
        return new StackOptions
        {
            Topology = topology,
            Replicas = ParseReplicas(result.GetValue(ReplicasOption) ?? [], servicesOf(topology)),
            Spares = result.GetValue(SparesOption) ?? (isolated ? 0 : 1),
            Shards = result.GetValue(ShardsOption),
            Fresh = result.GetValue(FreshOption),
            Isolated = isolated,
            Durable = result.GetValue(DurableOption),
            BackingOnly = result.GetValue(BackingOnlyOption),
            HighAvailability = result.GetValue(HighAvailabilityOption),
            AspireArguments = result.UnmatchedTokens.ToList(),
        };
    }

    public static bool WantsHelp(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h" or "-?");

    private static readonly HashSet<string> AspireSwitches = ["--operation", "--publisher", "--output-path", "--step"];

    private static Option<string> CreateTopologyOption()
    {
        var option = new Option<string>("--topology") { Description = "microservices (default) or monolith", DefaultValueFactory = _ => "microservices" };
        option.AcceptOnlyFromAmong("microservices", "monolith");
        return option;
    }

    private static Option<int> CreateShardsOption()
    {
        var option = new Option<int>("--shards")
        {
            Description = $"PostgreSQL servers for matching's swipe shards (default 2, 1 to {MaxShards}); the monolith keeps one shard in its database",
            DefaultValueFactory = _ => 2,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > MaxShards)
            {
                result.AddError($"--shards: {result.GetValueOrDefault<int>()} is out of range (1 to {MaxShards}).");
            }
        });
        return option;
    }

    private static RootCommand CreateCommand()
    {
        var command = new RootCommand("Starts the Dating stack: dotnet run --project AppHost [-- options]. The public API is http://127.0.0.1:5080.")
        {
            TopologyOption, ReplicasOption, SparesOption, ShardsOption, FreshOption, IsolatedOption, DurableOption, BackingOnlyOption, HighAvailabilityOption,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        return command;
    }

    private static Dictionary<string, int> ParseReplicas(IEnumerable<string> values, IReadOnlyCollection<string> services)
    {
        var replicas = new Dictionary<string, int>();
        foreach (var pair in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var parts = pair.Split('=');
            if (parts.Length != 2 || parts[0].Length == 0 || !int.TryParse(parts[1], out var count))
            {
                throw new StackConfigurationException($"--replicas: '{pair}' is not NAME=N (for example matching=2).");
            }

            var name = parts[0].ToLowerInvariant();
            if (!services.Contains(name))
            {
                throw new StackConfigurationException($"--replicas: unknown service '{name}'. Services in this topology: {string.Join(", ", services)}.");
            }

            if (count is < 1 or > MaxReplicas)
            {
                throw new StackConfigurationException($"--replicas: {name}={count} is out of range (1 to {MaxReplicas}).");
            }

            replicas[name] = count;
        }

        return replicas;
    }
}
