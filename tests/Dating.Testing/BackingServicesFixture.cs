using Dating.Stacks;
using Npgsql;
using Xunit;

namespace Dating.Testing;

/// <summary>
/// PostgreSQL, Redis, RabbitMQ and Azurite as the app host runs them (<c>--backing-only --isolated</c>: free ports,
/// throwaway data), started once per test assembly (<c>[assembly: AssemblyFixture(typeof(BackingServicesFixture))]</c>).
/// Tests isolate by creating their own databases and users, not by truncating.
/// </summary>
public sealed class BackingServicesFixture : IAsyncLifetime
{
    private AppHostStack? _stack;
    private string? _postgres;
    private Dictionary<string, string> _connectionStrings = [];

    /// <summary>The app host running the servers; outage tests stop and start them through it.</summary>
    public AppHostStack Stack => _stack ?? throw new InvalidOperationException("The backing services have not started.");

    public string RedisConnectionString => _connectionStrings["redis"];

    public string RabbitMqConnectionString => _connectionStrings["rabbitmq"];

    public string BlobConnectionString => _connectionStrings["blobs"];

    public async ValueTask InitializeAsync()
    {
        _stack = await TestStacks.StartAsync(["--backing-only"]);
        _postgres = await Stack.ConnectionStringAsync("postgres");
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

    /// <summary>A new empty PostgreSQL database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        var database = $"{name ?? "test"}_{Guid.NewGuid():N}";
        database = database[..Math.Min(database.Length, 63)];
        var server = new NpgsqlConnectionStringBuilder(_postgres ?? throw new InvalidOperationException("The backing services have not started."));
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
