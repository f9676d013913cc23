using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dating.BuildingBlocks.Persistence;

/// <summary>
/// How far each standby of the primary that holds this service's database is behind, from the primary's
/// <c>pg_stat_replication</c> every few seconds (Prometheus: <c>dating_postgres_replication_lag_bytes</c> and
/// <c>dating_postgres_replication_lag_seconds</c>, one series per standby). A single server has no standby, and no series.
/// </summary>
internal sealed class ReplicationLagMetrics : BackgroundService
{
    public const string MeterName = "Dating.Persistence";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly ILogger<ReplicationLagMetrics> _logger;
    private volatile IReadOnlyList<StandbyLag> _last = [];

    public ReplicationLagMetrics(string connectionString, IMeterFactory meters, TimeProvider time, ILogger<ReplicationLagMetrics> logger)
    {
        _connectionString = connectionString;
        _time = time;
        _logger = logger;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("dating.postgres.replication.lag_bytes", () => Measure(lag => lag.Bytes), "By",
            "WAL the primary has written that the standby has not replayed yet.");
        meter.CreateObservableGauge("dating.postgres.replication.lag", () => Measure(lag => lag.Seconds), "s",
            "Time between the primary's commit and the standby's replay of it (0 when the standby has caught up).");
    }

    private sealed record StandbyLag(string Standby, string SyncState, double Bytes, double Seconds);

    private IEnumerable<Measurement<double>> Measure(Func<StandbyLag, double> value) =>
        _last.Select(lag => new Measurement<double>(value(lag), new("standby", lag.Standby), new("sync_state", lag.SyncState)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(_connectionString))
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, _time);
        do
        {
            try
            {
                _last = await ReadAsync(_connectionString, stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested))
            {
                // No primary to ask (a failover, an outage): no series rather than a stale one.
                _last = [];
                _logger.LogDebug(e, "Could not read pg_stat_replication.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<IReadOnlyList<StandbyLag>> ReadAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        // replay_lag is null once a standby has caught up and nothing new was committed.
        await using var command = new NpgsqlCommand(
            """
            SELECT application_name, sync_state,
                   pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::float8,
                   COALESCE(EXTRACT(EPOCH FROM replay_lag), 0)::float8
            FROM pg_stat_replication WHERE replay_lsn IS NOT NULL
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var lags = new List<StandbyLag>();
        while (await reader.ReadAsync(ct))
        {
            lags.Add(new StandbyLag(reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3)));
        }

        return lags;
    }
}
