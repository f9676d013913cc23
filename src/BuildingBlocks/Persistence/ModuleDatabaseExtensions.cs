using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Dating.BuildingBlocks.Persistence;

public static class ModuleDatabaseExtensions
{
    /// <summary>
    /// A module's own PostgreSQL database: its DbContext (snake_case names, every table and the migrations
    /// history in the module's schema, so the monolith can host every module in one database), migrations
    /// applied at start-up under an advisory lock, and readiness checks for both.
    /// </summary>
    public static IHostApplicationBuilder AddModuleDatabase<TDbContext>(this IHostApplicationBuilder builder, string connectionName, string schema)
        where TDbContext : DbContext
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContext<TDbContext>((provider, options) => options.UseModuleDatabase(ConnectionString(provider, connectionName), schema));
        services.AddSingleton(provider => new StandbyRouting<TDbContext>(
            ConnectionString(provider, connectionName), schema, provider.GetRequiredService<IMeterFactory>()));
        services.AddScoped<StandbyReads<TDbContext>>();

        // Registered before the module's other hosted services (the outbox dispatcher among them): they start in order.
        services.AddSingleton(new MigrationState<TDbContext>(schema));
        services.AddHostedService<DatabaseMigrator<TDbContext>>();
        // Once per process: the monolith's modules share one database.
        if (!services.Any(service => service.ServiceType == typeof(ReplicationLagMetrics)))
        {
            services.AddSingleton(provider => ActivatorUtilities.CreateInstance<ReplicationLagMetrics>(provider,
                provider.GetRequiredService<IConfiguration>().GetConnectionString(connectionName) ?? ""));
            services.AddHostedService(provider => provider.GetRequiredService<ReplicationLagMetrics>());
        }

        services.AddHealthChecks()
            .AddCheck<MigrationHealthCheck<TDbContext>>($"{schema}-migrations")
            .AddDbContextCheck<TDbContext>($"{schema}-db");
        return builder;
    }

    private static string ConnectionString(IServiceProvider provider, string connectionName) =>
        provider.GetRequiredService<IConfiguration>().GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");

    /// <summary>
    /// The one place the provider options live: runtime and design time (<c>dotnet ef</c>) must agree. No automatic
    /// savepoints (<see cref="NoAutoSavepoints"/>).
    /// </summary>
    public static DbContextOptionsBuilder UseModuleDatabase(this DbContextOptionsBuilder options, string connectionString, string schema) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", schema))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(NoAutoSavepoints.Instance);

    /// <summary>The same options on a connection another context already holds (which keeps owning it).</summary>
    public static DbContextOptionsBuilder UseModuleDatabase(this DbContextOptionsBuilder options, DbConnection connection, string schema) =>
        options
            .UseNpgsql(connection, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", schema))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(NoAutoSavepoints.Instance);
}
