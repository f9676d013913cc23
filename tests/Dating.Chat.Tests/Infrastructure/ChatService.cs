using Dating.BuildingBlocks.Sessions;
using Dating.Chat.Data;
using Dating.Contracts.Matching;
using Dating.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Chat.Tests.Infrastructure;

/// <summary>
/// Chat replicas over one fresh database and the shared Redis, with queue names and a backplane channel of
/// their own (every host of the run receives every match event, into its own database). Shared by a class's tests.
/// </summary>
public class ChatService(BackingServicesFixture backing) : IAsyncLifetime
{
    private readonly List<ChatHost> _hosts = [];

    public IReadOnlyList<ChatHost> Hosts => _hosts;

    public ChatHost Host => _hosts[0];

    protected virtual int Replicas => 2;

    public async ValueTask InitializeAsync()
    {
        var configuration = backing.Configuration("chat", await backing.CreateDatabaseAsync("chat"));
        var name = $"chat-tests-{Guid.NewGuid():N}";
        configuration["OTEL_SERVICE_NAME"] = name;
        configuration["Chat:Backplane:ChannelPrefix"] = name;
        configuration["Chat:RateLimit:PermitLimit"] = "100000";
        Configure(configuration);

        // One at a time: the second replica finds the migrations applied.
        for (var i = 0; i < Replicas; i++)
        {
            _hosts.Add(new ChatHost(configuration, ConfigureServices).Start());
        }
    }

    public async Task<ChatClient> SignInAsync(Guid userId, int replica = 0)
    {
        var host = _hosts[replica];
        var session = await host.Services.GetRequiredService<ISessionStore>().CreateAsync(userId, CancellationToken.None);
        return new ChatClient(userId, session.Token, host.Address);
    }

    /// <summary>Two new users, signed in on the given replicas.</summary>
    public async Task<(ChatClient A, ChatClient B)> TwoUsersAsync(int replicaA = 0, int replicaB = 1) =>
        (await SignInAsync(Guid.NewGuid(), replicaA), await SignInAsync(Guid.NewGuid(), replicaB % Replicas));

    /// <summary>Matches two users the way Matching does (a MatchCreated on the real bus) and waits for the conversation.</summary>
    public async Task<Guid> MatchAsync(ChatClient a, ChatClient b)
    {
        var matchId = Guid.CreateVersion7();
        await PublishAsync(new MatchCreated(matchId, a.UserId, b.UserId, DateTimeOffset.UtcNow));
        await WaitUntilAsync(db => db.Conversations.AnyAsync(c => c.MatchId == matchId), "the conversation opens");
        return matchId;
    }

    public Task PublishAsync<T>(T message)
        where T : class =>
        Host.Services.GetRequiredService<IBus>().Publish(message);

    internal async Task<T> QueryAsync<T>(Func<ChatDbContext, Task<T>> query)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ChatDbContext>());
    }

    internal Task WaitUntilAsync(Func<ChatDbContext, Task<bool>> condition, string what) =>
        Eventually.UntilAsync(() => QueryAsync(condition), what);

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected virtual void Configure(IDictionary<string, string?> configuration)
    {
    }

    /// <summary>A test class's replacements in every replica, after the host's own registrations.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }
}
