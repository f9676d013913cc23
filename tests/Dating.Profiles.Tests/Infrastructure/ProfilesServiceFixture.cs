using Dating.Profiles.Data;
using Dating.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Profiles.Tests.Infrastructure;

/// <summary>
/// One Profiles host over its own fresh database, shared by the tests of a class. Its queues are its own
/// (every fixture's host receives every event, into its own database), and it reports what its consumers handled.
/// </summary>
public sealed class ProfilesServiceFixture(BackingServicesFixture backing) : IAsyncLifetime
{
    private ProfilesHost? _host;

    public BackingServicesFixture Backing => backing;

    public ProfilesHost Host => _host ?? throw new InvalidOperationException("Not started.");

    /// <summary>The host's configuration, to start more hosts over the same database and Redis.</summary>
    public IDictionary<string, string?> Configuration { get; private set; } = new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        var database = await backing.CreateDatabaseAsync("profiles");
        Configuration = backing.Configuration("profiles", database);
        // Every in-process request shares one client address; per-address limits are tested on their own host.
        Configuration["Profiles:LoginRateLimit:PerAddress"] = "100000";
        Configuration["OTEL_SERVICE_NAME"] = $"profiles-tests-{Guid.NewGuid():N}";
        _host = new ProfilesHost(Configuration);
        _host.Start();
        _host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(Handled);
    }

    public HandledMessages Handled { get; } = new();

    /// <summary>Publishes an event on the real bus, as its owning service would, and returns once this host has handled it.</summary>
    /// <param name="messageId">Reuse an id to redeliver a message.</param>
    public async Task<Guid> PublishAndWaitAsync<T>(T message, Guid? messageId = null)
        where T : class
    {
        var id = messageId ?? NewId.NextGuid();
        var handledBefore = Handled.TimesHandled(id);
        await Host.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = id);
        await Handled.WaitUntilHandledAsync(id, handledBefore + 1);
        return id;
    }

    internal async Task<T> QueryAsync<T>(Func<ProfilesDbContext, Task<T>> query)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProfilesDbContext>());
    }

    public ProfilesClient CreateClient() => new(Host.CreateClient());

    public async Task<int> CountAccountsAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProfilesDbContext>().Accounts.CountAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
