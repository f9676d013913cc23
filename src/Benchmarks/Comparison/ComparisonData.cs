using Dating.AppHost.BackingServices;
using Dating.AppHost.Orchestration;
using Dating.Benchmarks.Scenarios.Matching;
using Npgsql;
using StackExchange.Redis;

namespace Dating.Benchmarks.Comparison;

/// <summary>
/// The same starting data for every run: the synthetic users are seeded once (fixed random seed) into a template
/// database, and each run gets fresh databases with the matching one copied from that template; Redis is emptied.
/// </summary>
public sealed class ComparisonData(BackingServiceSet backing, Action<string> log)
{
    // The microservices' databases (one each), and the monolith's one (every module's schema in it).
    private static readonly string[] MicroserviceDatabases = ["profiles", "photos", "matching", "chat"];
    private const string MonolithDatabase = "monolith";
    private readonly string _prefix = $"cmp{Guid.NewGuid():N}"[..11];
    private string? _template;
    private int _runs;

    public string SeedOutput { get; private set; } = "";

    public async Task SeedAsync(int users, CancellationToken ct)
    {
        _template = $"{_prefix}_seed";
        await ExecuteAsync($"CREATE DATABASE \"{_template}\"", ct);
        var connectionStrings = backing.ConnectionStrings.ToDictionary();
        connectionStrings["matching"] = backing.Postgres.ConnectionString(_template);
        log($"seeding {users:N0} synthetic users into the template database");
        var (seconds, output) = await MatchingSeed.RunAsync(connectionStrings, users, ct);
        SeedOutput = Reports.ReportFile.Invariant(
            $"{string.Join(" ", output.Split('\n').Where(l => l.StartsWith("Seeded", StringComparison.Ordinal)))} ({seconds:0.0} s, once)");
        log(SeedOutput);
    }

    /// <returns>The environment that points a stack at this run's fresh databases (the seeded users are in the matching schema).</returns>
    public async Task<IReadOnlyDictionary<string, string?>> PrepareRunAsync(Topology topology, CancellationToken ct)
    {
        var template = _template ?? throw new InvalidOperationException("Seed first.");
        var run = ++_runs;
        var environment = new Dictionary<string, string?>();
        foreach (var name in topology == Topology.Monolith ? [MonolithDatabase] : MicroserviceDatabases)
        {
            var database = $"{_prefix}_r{run}_{name}";
            var seeded = name is "matching" or MonolithDatabase;
            await ExecuteAsync(seeded ? $"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"" : $"CREATE DATABASE \"{database}\"", ct);
            environment[$"ConnectionStrings__{name}"] = backing.Postgres.ConnectionString(database);
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync($"{backing.Redis.ConnectionString},allowAdmin=true");
        foreach (var server in redis.GetServers())
        {
            await server.FlushAllDatabasesAsync();
        }

        return environment;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(backing.Postgres.ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
