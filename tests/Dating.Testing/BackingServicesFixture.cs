using Dating.AppHost.BackingServices;
using Xunit;

namespace Dating.Testing;

/// <summary>
/// PostgreSQL, Redis, RabbitMQ and Azurite, started once per test assembly on free ports with
/// throwaway data (<c>[assembly: AssemblyFixture(typeof(BackingServicesFixture))]</c>).
/// Tests isolate by creating their own databases and users, not by truncating.
/// </summary>
public sealed class BackingServicesFixture : IAsyncLifetime
{
    private BackingServiceSet? _services;

    public BackingServiceSet Services => _services ?? throw new InvalidOperationException("The backing services have not started.");

    public string RedisConnectionString => Services.Redis.ConnectionString;

    public string RabbitMqConnectionString => Services.RabbitMq!.ConnectionString;

    public string BlobConnectionString => Services.Azurite.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        _services = await BackingServiceSet.StartAsync(BackingServicesOptions.ForTests(TestLog.Write));
    }

    /// <summary>A new empty PostgreSQL database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        var database = $"{name ?? "test"}_{Guid.NewGuid():N}";
        database = database[..Math.Min(database.Length, 63)];
        await Services.Postgres.CreateDatabasesAsync([database]);
        return Services.Postgres.ConnectionString(database);
    }

    /// <summary>Configuration for a host: every connection string under its Aspire name.</summary>
    public IDictionary<string, string?> Configuration() =>
        Services.ConnectionStrings.ToDictionary(p => $"ConnectionStrings:{p.Key}", p => (string?)p.Value);

    /// <summary>Configuration for a host: every connection string, with <paramref name="database"/>'s pointing at the given connection string.</summary>
    public IDictionary<string, string?> Configuration(string database, string databaseConnectionString)
    {
        var configuration = Configuration();
        configuration[$"ConnectionStrings:{database}"] = databaseConnectionString;
        return configuration;
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.StopAsync();
        }
    }
}
