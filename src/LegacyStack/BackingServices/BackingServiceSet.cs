using System.Diagnostics;

namespace Dating.AppHost.BackingServices;

/// <summary>
/// PostgreSQL, Redis, RabbitMQ and Azurite as local processes: installed when missing, started in
/// parallel, awaited until each really answers, and stopped in reverse order with nothing left behind.
/// </summary>
public sealed class BackingServiceSet : IAsyncDisposable
{
    private readonly BackingServicesOptions _options;
    private bool _stopped;

    private BackingServiceSet(BackingServicesOptions options, Binaries binaries)
    {
        _options = options;
        Postgres = new PostgresServer(options, binaries);
        Redis = new RedisServer(options, binaries);
        Azurite = new AzuriteServer(options, binaries);
        RabbitMq = options.IncludeRabbitMq ? new RabbitMqServer(options, binaries) : null;
    }

    public PostgresServer Postgres { get; }

    public RedisServer Redis { get; }

    public AzuriteServer Azurite { get; }

    public RabbitMqServer? RabbitMq { get; }

    /// <summary>In start order; they stop in reverse.</summary>
    public IReadOnlyList<BackingServer> All => RabbitMq is null ? [Postgres, Redis, Azurite] : [Postgres, Redis, Azurite, RabbitMq];

    /// <summary>Connection strings under the names services read (<c>ConnectionStrings:&lt;name&gt;</c>), as Aspire passes them.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings
    {
        get
        {
            var strings = _options.Databases.ToDictionary(d => d, Postgres.ConnectionString);
            strings["redis"] = Redis.ConnectionString;
            strings["blobs"] = Azurite.ConnectionString;
            if (RabbitMq is not null)
            {
                strings["rabbitmq"] = RabbitMq.ConnectionString;
            }

            return strings;
        }
    }

    public static async Task<BackingServiceSet> StartAsync(BackingServicesOptions options, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var binaries = await ServerInstaller.EnsureInstalledAsync(options.Log, ct);
        var set = new BackingServiceSet(options, binaries);
        try
        {
            // Independent servers: start together, so the total is the slowest (RabbitMQ), not the sum.
            await Task.WhenAll(set.All.Select(s => s.StartAsync(ct)));
        }
        catch
        {
            await set.StopAsync();
            throw;
        }

        options.Log($"backing services ready in {watch.Elapsed.TotalSeconds:0.0} s");
        return set;
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        foreach (var server in All.Reverse())
        {
            try
            {
                await server.StopAsync();
            }
            catch (Exception e)
            {
                _options.Log($"{server.Name}: stop failed: {e.Message}");
            }
        }

        if (RabbitMq is not null)
        {
            await RabbitMq.StopEpmdAsync();
        }

        if (_options.Ephemeral)
        {
            DeleteQuietly(_options.DataDirectory);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
