using System.Net;
using Dating.Profiles.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Profiles.Tests.Data;

[CollectionDefinition(DisableParallelization = true)]
public sealed class StopsSharedServers;

/// <summary>Stops the shared PostgreSQL for a moment through the app host, so it runs alone.</summary>
[Collection(typeof(StopsSharedServers))]
public sealed class DatabaseOutageTests(BackingServicesFixture backing)
{
    [Fact]
    public async Task Database_unreachable_gives_503_and_the_service_recovers()
    {
        var database = await backing.CreateDatabaseAsync("profiles_dbdown");
        await using var host = new ProfilesHost(backing.Configuration("profiles", database)).Start();
        using var client = new ProfilesClient(host.CreateClient());
        var body = Registration.Valid();
        var session = await client.RegisterAsync(body);

        await backing.StopResourceAsync("postgres");
        try
        {
            using var profile = await client.GetAsync("/api/profiles/me", session.Token);
            await profile.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            using var login = await client.LoginAsync((string)body["email"]!, Registration.Password, ClientAddresses.Random());
            await login.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            using var register = await client.Http.PostAsync("/api/auth/register", System.Net.Http.Json.JsonContent.Create(Registration.Valid()));
            await register.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            using var health = await client.Http.GetAsync("/health");
            health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            await backing.StartResourceAsync("postgres");
        }

        using var recovered = await client.GetAsync("/api/profiles/me", session.Token);
        recovered.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_replica_started_while_the_database_is_down_serves_once_it_is_back()
    {
        var database = await backing.CreateDatabaseAsync("profiles_late");
        await using var host = new ProfilesHost(backing.Configuration("profiles", database));

        await backing.StopResourceAsync("postgres");
        Task starting;
        try
        {
            starting = Task.Run(host.Start);
            await Eventually.UntilAsync(
                () => host.Log.Lines.Any(line => line.Contains("database is not reachable yet")),
                "the migrator to fail against the stopped database");
            starting.IsCompleted.ShouldBeFalse("no serving before the schema is migrated");
        }
        finally
        {
            await backing.StartResourceAsync("postgres");
        }

        await starting.WaitAsync(TimeSpan.FromSeconds(60));
        using var client = new ProfilesClient(host.CreateClient());
        using var health = await client.Http.GetAsync("/health");
        health.StatusCode.ShouldBe(HttpStatusCode.OK, await health.Content.ReadAsStringAsync());
        (await client.RegisterAsync()).UserId.ShouldNotBe(Guid.Empty);
    }
}
