using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dating.BuildingBlocks.Persistence;

/// <summary>
/// Where a module's lag-tolerant reads go: its hosts as configured, with Npgsql's <c>Target Session Attributes=prefer-standby</c>
/// in place of the writers' <c>read-write</c>, so Npgsql itself picks a live standby and falls back to the primary when
/// none is up. Only a connection string that names more than one host (the app host's <c>--ha</c>) routes anything:
/// against a single server every read stays on the module's own context, at no cost.
/// </summary>
public sealed class StandbyRouting<TDbContext>
    where TDbContext : DbContext
{
    private readonly DbContextOptions<TDbContext>? _standbyOptions;
    private readonly Counter<long> _reads;

    public StandbyRouting(string connectionString, string schema, IMeterFactory meters)
    {
        var hosts = new NpgsqlConnectionStringBuilder(connectionString);
        Schema = schema;
        if (hosts.Host?.Contains(',', StringComparison.Ordinal) == true)
        {
            hosts.TargetSessionAttributes = "prefer-standby";
            _standbyOptions = (DbContextOptions<TDbContext>)new DbContextOptionsBuilder<TDbContext>()
                .UseModuleDatabase(hosts.ConnectionString, schema)
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                .Options;
        }

        _reads = meters.Create(ReplicationLagMetrics.MeterName).CreateCounter<long>(
            "dating.postgres.routed_reads", "{read}", "Lag-tolerant reads by the server that answered them: a standby, or the primary (none up, or behind the reader's own writes).");
    }

    /// <summary>Whether reads can go to a standby at all.</summary>
    public bool Enabled => _standbyOptions is not null;

    public string Schema { get; }

    /// <summary>A context for a standby (or the primary, when Npgsql finds no standby up); the caller disposes it.</summary>
    public TDbContext OpenStandby() =>
        (TDbContext)Activator.CreateInstance(typeof(TDbContext), _standbyOptions ?? throw new InvalidOperationException("No standby is configured."))!;

    public void Count(string servedBy, string reason) => _reads.Add(1,
        new KeyValuePair<string, object?>("schema", Schema),
        new KeyValuePair<string, object?>("served_by", servedBy),
        new KeyValuePair<string, object?>("reason", reason));
}
