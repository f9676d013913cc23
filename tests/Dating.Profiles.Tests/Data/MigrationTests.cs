using System.Net;
using Dating.BuildingBlocks.Persistence;
using Dating.Profiles.Data;
using Dating.Profiles.Tests.Infrastructure;
using Dating.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dating.Profiles.Tests.Data;

public sealed class MigrationTests(BackingServicesFixture backing)
{
    [Fact]
    public void The_migrations_cover_the_whole_model()
    {
        using var db = new ProfilesDbContextFactory().CreateDbContext([]);

        db.Database.HasPendingModelChanges().ShouldBeFalse("run dotnet ef migrations add for the model change");
    }

    [Fact]
    public async Task Two_replicas_starting_together_on_a_fresh_database_both_come_up_healthy()
    {
        var database = await backing.CreateDatabaseAsync("profiles_migrate");
        var configuration = backing.Configuration("profiles", database);
        await using var first = new ProfilesHost(configuration);
        await using var second = new ProfilesHost(configuration);

        await Task.WhenAll(Task.Run(first.Start), Task.Run(second.Start));

        foreach (var host in new[] { first, second })
        {
            using var health = await host.CreateClient().GetAsync("/health");
            health.StatusCode.ShouldBe(HttpStatusCode.OK, await health.Content.ReadAsStringAsync());
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM profiles.__ef_migrations_history", connection);
        var applied = (long)(await count.ExecuteScalarAsync())!;
        applied.ShouldBe(new ProfilesDbContextFactory().CreateDbContext([]).Database.GetMigrations().Count());
    }

    [Fact]
    public async Task A_replica_waits_for_the_migration_lock_before_it_serves()
    {
        var database = await backing.CreateDatabaseAsync("profiles_lock");
        await using var holder = new NpgsqlConnection(database);
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock.KeyFor("profiles")})", holder))
        {
            await take.ExecuteNonQueryAsync();
        }

        await using var host = new ProfilesHost(backing.Configuration("profiles", database));
        var starting = Task.Run(host.Start);

        await using var waiters = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            holder);
        await Eventually.UntilAsync(async () => (long)(await waiters.ExecuteScalarAsync())! > 0, "the replica to wait for the migration lock");
        starting.IsCompleted.ShouldBeFalse("the host must not start while another replica migrates");

        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock.KeyFor("profiles")})", holder))
        {
            await release.ExecuteNonQueryAsync();
        }

        await starting.WaitAsync(TimeSpan.FromSeconds(60));
        using var health = await host.CreateClient().GetAsync("/health");
        health.StatusCode.ShouldBe(HttpStatusCode.OK, await health.Content.ReadAsStringAsync());
    }
}
