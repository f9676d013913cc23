using Dating.Stacks;
using Npgsql;
using Xunit;

namespace Dating.Testing;

/// <summary>
/// PostgreSQL, Redis, RabbitMQ and Azurite as the app host runs them (<c>--backing-only --isolated</c>: free ports,
/// throwaway data), with matching's swipe shard servers, started once per test assembly (<c>[assembly: AssemblyFixture(typeof(BackingServicesFixture))]</c>).
/// Tests isolate by creating their own databases and users, not by truncating.
/// </summary>
public sealed class BackingServicesFixture : IAsyncLifetime
{
    /// <summary>How many swipe shard servers run (the app host's <c>matching-shard-0</c>, …).</summary>
    public const int ShardServers = 2;

    private AppHostStack? _stack;
    private string? _postgres;
    private string[] _shardServers = [];
    private Dictionary<string, string> _connectionStrings = [];

    /// <summary>The app host running the servers; outage tests stop and start them through it.</summary>
    public AppHostStack Stack => _stack ?? throw new InvalidOperationException("The backing services have not started.");

    public string RedisConnectionString => _connectionStrings["redis"];

    public string RabbitMqConnectionString => _connectionStrings["rabbitmq"];

    public string BlobConnectionString => _connectionStrings["blobs"];

    public async ValueTask InitializeAsync()
    {
        _stack = await TestStacks.StartAsync(["--backing-only", "--shards", ShardServers.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        _postgres = await Stack.ConnectionStringAsync("postgres");
        _shardServers = [.. await Task.WhenAll(Enumerable.Range(0, ShardServers).Select(i => Stack.ConnectionStringAsync(ShardServerName(i))))];
        _connectionStrings = new Dictionary<string, string>
        {
            ["redis"] = await Stack.ConnectionStringAsync("redis"),
            ["rabbitmq"] = await Stack.ConnectionStringAsync("rabbitmq"),
            ["blobs"] = await Stack.ConnectionStringAsync("azurite"),
        };
    }

    /// <summary>The dashboard's Stop command on a server (<c>postgres</c>, <c>rabbitmq</c>, <c>azurite</c>, …); returns once it has stopped.</summary>
    public Task StopResourceAsync(string resource, CancellationToken ct = default) => Stack.StopResourceAsync(resource, ct);

    /// <summary>The dashboard's Start command on a stopped server; returns once it is healthy again, its data kept.</summary>
    public Task StartResourceAsync(string resource, CancellationToken ct = default) => Stack.StartResourceAsync(resource, ct);

    /// <summary>The app host's resource name of swipe shard server <paramref name="shard"/> (stop and start it by this name).</summary>
    public static string ShardServerName(int shard) => $"matching-shard-{shard}";

    /// <summary>A new empty PostgreSQL database; returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string? name = null) =>
        CreateDatabaseOnAsync(_postgres ?? throw new InvalidOperationException("The backing services have not started."), name);

    /// <summary>A new empty database on swipe shard server <paramref name="shard"/>; returns its connection string.</summary>
    public Task<string> CreateShardDatabaseAsync(int shard, string? name = null) =>
        CreateDatabaseOnAsync(_shardServers.ElementAtOrDefault(shard) ?? throw new InvalidOperationException($"No shard server {shard}."), name);

    private static async Task<string> CreateDatabaseOnAsync(string serverConnectionString, string? name)
    {
        var database = $"{name ?? "test"}_{Guid.NewGuid():N}";
        database = database[..Math.Min(database.Length, 63)];
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        server.Database = database;
        return server.ConnectionString;
    }

    /// <summary>Configuration for a host: every connection string under its Aspire name.</summary>
    public IDictionary<string, string?> Configuration() =>
        _connectionStrings.ToDictionary(p => $"ConnectionStrings:{p.Key}", p => (string?)p.Value);

    /// <summary>Configuration for a host: every connection string, with <paramref name="database"/>'s pointing at the given connection string.</summary>
    public IDictionary<string, string?> Configuration(string database, string databaseConnectionString)
    {
        var configuration = Configuration();
        configuration[$"ConnectionStrings:{database}"] = databaseConnectionString;
        return configuration;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }
}
