using System.Net.Http.Headers;
using Dating.BuildingBlocks.Messaging;
using Dating.BuildingBlocks.Sessions;
using Dating.Contracts.Matching;
using Dating.Matching.Data;
using Dating.Matching.Matches;
using Dating.Matching.Shards;
using Dating.Testing;
using MassTransit;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Dating.Matching.Tests.Infrastructure;

/// <summary>
/// Matching hosts (replicas) over one fresh database, with their own Redis database number and their own
/// queue names (every host of the run receives every profile event, into its own database), and a recorder
/// of what they publish. Shared by the tests of a class.
/// </summary>
public class MatchingService(BackingServicesFixture backing) : IAsyncLifetime
{
    private static int _lastRedisDatabase;
    private readonly List<MatchingHost> _hosts = [];
    private EventRecorder? _events;
    private IConnectionMultiplexer? _redis;

    public IReadOnlyList<MatchingHost> Hosts => _hosts;

    public MatchingHost Host => _hosts[0];

    public EventRecorder Events => _events ?? throw new InvalidOperationException("Not started.");

    /// <summary>The hosts' configuration (a command-line host for the same service takes it too).</summary>
    public IDictionary<string, string?> Settings { get; private set; } = new Dictionary<string, string?>();

    public IDatabase Redis => (_redis ?? throw new InvalidOperationException("Not started.")).GetDatabase();

    protected virtual int Replicas => 1;

    /// <summary>
    /// Swipe shards, each a fresh database on a shard server (more shards than servers share them, in turn);
    /// 0: the one shard is the module's database.
    /// </summary>
    protected virtual int Shards => 0;

    public async ValueTask InitializeAsync()
    {
        var configuration = backing.Configuration("matching", await backing.CreateDatabaseAsync("matching"));
        var redis = $"{backing.RedisConnectionString},defaultDatabase={Interlocked.Increment(ref _lastRedisDatabase) % 15 + 1}";
        configuration["ConnectionStrings:redis"] = redis;
        configuration["OTEL_SERVICE_NAME"] = $"matching-tests-{Guid.NewGuid():N}";
        configuration["Matching:Queues:RefreshInterval"] = "01:00:00";
        for (var shard = 0; shard < Shards; shard++)
        {
            configuration[$"ConnectionStrings:{BackingServicesFixture.ShardServerName(shard)}"] = await backing.CreateShardDatabaseAsync(shard % BackingServicesFixture.ShardServers, "swipes");
        }

        Configure(configuration);
        Settings = configuration;

        _redis = await ConnectionMultiplexer.ConnectAsync(redis);
        _events = await EventRecorder.StartAsync(backing.RabbitMqConnectionString);
        for (var i = 0; i < Replicas; i++)
        {
            var host = new MatchingHost(configuration);
            _ = host.Services; // starts it: migrations, bus, background services
            _hosts.Add(host);
        }
    }

    /// <summary>Puts a profile into the read model the way Profiles does (a ProfileCreated on the bus) and signs its user in.</summary>
    public async Task<MatchingClient> AddAsync(Person person, int replica = 0)
    {
        await PublishAsync(person.Created());
        await WaitUntilAsync(db => db.Candidates.AnyAsync(c => c.UserId == person.UserId));
        return await SignInAsync(person.UserId, replica);
    }

    public async Task<MatchingClient> SignInAsync(Guid userId, int replica = 0)
    {
        var host = _hosts[replica];
        var session = await host.Services.GetRequiredService<ISessionStore>().CreateAsync(userId, CancellationToken.None);
        var http = host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        return new MatchingClient(userId, http);
    }

    public Task PublishAsync<T>(T message)
        where T : class =>
        Host.Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>Publishes, then waits until Matching's inbox shows the message was handled (or recognised as stale).</summary>
    public async Task PublishAndWaitAsync<T>(T message)
        where T : class
    {
        var messageId = Guid.NewGuid();
        await Host.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId);
        await WaitUntilAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId), $"{typeof(T).Name} handled");
    }

    internal async Task<T> QueryAsync<T>(Func<MatchingDbContext, Task<T>> query)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MatchingDbContext>());
    }

    /// <summary>The same query on every swipe shard of the map, one answer per shard in map order.</summary>
    internal async Task<IReadOnlyList<T>> QueryShardsAsync<T>(Func<SwipeShardDbContext, Task<T>> query)
    {
        var shards = Host.Services.GetRequiredService<SwipeShards>();
        var answers = new List<T>();
        foreach (var shard in shards.Map.Shards)
        {
            await using var db = shards.Open(shard);
            answers.Add(await query(db));
        }

        return answers;
    }

    /// <summary>Every match involving one of <paramref name="users"/>, on every shard of the map, with the shard that holds it.</summary>
    internal async Task<IReadOnlyList<(string Shard, Match Match)>> MatchesAmongAsync(IReadOnlyCollection<Guid> users)
    {
        var shards = Host.Services.GetRequiredService<SwipeShards>();
        var found = new List<(string, Match)>();
        foreach (var shard in shards.Map.AllShards)
        {
            await using var db = shards.Open(shard);
            var rows = await db.Matches.AsNoTracking().Where(m => users.Contains(m.UserA) || users.Contains(m.UserB)).ToListAsync();
            found.AddRange(rows.Select(m => (shard, m)));
        }

        return found;
    }

    internal Task WaitUntilAsync(Func<MatchingDbContext, Task<bool>> condition, string? what = null) =>
        Eventually.UntilAsync(() => QueryAsync(condition), what ?? "a condition on the Matching database");

    /// <summary>
    /// Raises a control event through each replica's outbox and waits until the recorder has them all: an outbox
    /// publishes in commit order and the recorder's queue delivers in order, so whatever was raised before has arrived.
    /// </summary>
    public async Task EarlierEventsArrivedAsync()
    {
        var controls = new HashSet<Guid>();
        foreach (var host in _hosts)
        {
            var control = new UserBlocked(Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
            db.AddIntegrationEvent(control);
            await db.SaveChangesAsync();
            controls.Add(control.BlockerId);
        }

        // The match events go through the shards' outboxes: one control through each of those too.
        var shards = Host.Services.GetRequiredService<SwipeShards>();
        foreach (var shard in shards.Map.AllShards)
        {
            var control = new UserBlocked(Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
            await using var db = shards.Open(shard);
            db.AddIntegrationEvent(control);
            await db.SaveChangesAsync();
            controls.Add(control.BlockerId);
        }

        foreach (var host in _hosts)
        {
            host.Services.GetRequiredService<OutboxSignal<SwipeShardDbContext>>().Notify();
        }

        await Events.WaitForAsync<UserBlocked>(e => controls.Contains(e.BlockerId), controls.Count);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        // A pool keeps its idle connections for minutes after its hosts are gone: the suite's classes, each with its own
        // databases, would otherwise hold hundreds of them on the one test server and run into max_connections.
        foreach (var (_, connectionString) in Settings.Where(s => s.Key.StartsWith("ConnectionStrings:matching", StringComparison.Ordinal)))
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        }

        if (_events is not null)
        {
            await _events.DisposeAsync();
        }

        _redis?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected virtual void Configure(IDictionary<string, string?> configuration)
    {
    }
}
