using Dating.Profiles.Data;
using Dating.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Profiles.Tests.Infrastructure;

/// <summary>One Profiles host over its own fresh database, shared by the tests of a class.</summary>
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
        _host = new ProfilesHost(Configuration);
        _host.Start();
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
