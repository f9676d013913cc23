using Microsoft.EntityFrameworkCore;
using Npgsql;
using StackExchange.Redis;

namespace Dating.BuildingBlocks.Persistence;

/// <summary>
/// Lag-tolerant reads on a standby, with read-your-writes. Npgsql picks the standby (<see cref="StandbyRouting{TDbContext}"/>);
/// what it cannot know is whose writes a read must see, so that part is hand-written. A writer calls
/// <see cref="WroteAsync"/> after its commit: it records the primary's WAL position in Redis (so every replica sees it),
/// for a while, under the keys whose readers must see the write: a user, a conversation. A read names its key, and a
/// standby serves it only when it has replayed that far; otherwise the module's own context, on the primary, does.
/// Without a standby configured both are no-ops around the module's own context.
/// </summary>
public sealed class StandbyReads<TDbContext>(StandbyRouting<TDbContext> routing, TDbContext primary, IConnectionMultiplexer redis)
    where TDbContext : DbContext
{
    // Far longer than a healthy standby's lag: past it, a read may be served by a standby still behind the write.
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    // KEYS: the readers' keys. ARGV: the WAL position in bytes, the window in ms. Keeps the highest position per key.
    private const string Raise =
        """
        for _, key in ipairs(KEYS) do
          local seen = tonumber(redis.call('GET', key) or '0')
          if tonumber(ARGV[1]) > seen then redis.call('SET', key, ARGV[1], 'PX', ARGV[2]) end
        end
        return 0
        """;

    /// <summary>After a commit on the module's context: the readers of <paramref name="keys"/> see it from now on.</summary>
    public async Task WroteAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        if (!routing.Enabled)
        {
            return;
        }

        // At least the end of the commit just made: this session's commit returned, so the primary has written it.
        var position = await primary.Database
            .SqlQuery<decimal>($"SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn) AS \"Value\"")
            .SingleAsync(ct);
        await redis.GetDatabase().ScriptEvaluateAsync(
            Raise, [.. keys.Select(Key)], [(long)position, (long)Window.TotalMilliseconds]);
    }

    /// <summary>
    /// Runs <paramref name="read"/> on a standby that has replayed every write recorded for <paramref name="key"/>, else on
    /// the primary. The read must only read: it runs again on the primary when the standby fails under it.
    /// </summary>
    public async Task<T> ReadAsync<T>(string key, Func<TDbContext, Task<T>> read, CancellationToken ct)
    {
        if (!routing.Enabled)
        {
            return await read(primary);
        }

        var written = await redis.GetDatabase().StringGetAsync(Key(key));
        try
        {
            await using var standby = routing.OpenStandby();

            // One connection for the check and the read: a second one might land on another server.
            await standby.Database.OpenConnectionAsync(ct);
            var replayed = await standby.Database
                .SqlQuery<decimal>($"SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() - '0/0'::pg_lsn ELSE -1 END AS \"Value\"")
                .SingleAsync(ct);
            if (replayed < 0)
            {
                var fromPrimary = await read(standby);
                routing.Count("primary", "no standby up");
                return fromPrimary;
            }

            if (!written.HasValue || replayed >= (decimal)(long)written)
            {
                var fromStandby = await read(standby);
                routing.Count("standby", written.HasValue ? "caught up with the key's writes" : "no recent write");
                return fromStandby;
            }
        }
        catch (Exception exception) when (!ct.IsCancellationRequested && BackingServiceUnavailableFilter.IsOutage(exception))
        {
            // The standby went away under the read (Npgsql marks it down, so the next one goes elsewhere): the primary answers.
            // EF may wrap the error (seen: a pooled connection to a killed standby, 57P01 inside an InvalidOperationException).
            routing.Count("primary", "standby failed");
            return await read(primary);
        }

        routing.Count("primary", "standby behind the key's writes");
        return await read(primary);
    }

    private RedisKey Key(string key) => $"standby:written:{routing.Schema}:{key}";
}
