using System.Diagnostics;
using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace Dating.Benchmarks.Scenarios.Matching;

/// <summary>
/// Times one run of the recommendation-queue batch from outside: the job holds a Redis lock for exactly the length of
/// a batch (taken before it lists the active users, released after the last queue), so the time the lock key exists
/// is the batch's duration; the job logs how many queues it refreshed.
/// </summary>
public static partial class BatchObserver
{
    public const string LockKey = "matching:queues:batch-lock";
    public const string ActiveUsersKey = "matching:active-users";

    /// <summary>Marks users active the way a recommendations read does (the sorted set the batch reads).</summary>
    public static async Task MarkActiveAsync(IDatabase redis, IReadOnlyList<Guid> users)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        foreach (var chunk in users.Chunk(1000))
        {
            await redis.SortedSetAddAsync(ActiveUsersKey, [.. chunk.Select(u => new SortedSetEntry(u.ToString(), now))]);
        }
    }

    /// <returns>
    /// How long the next batch that starts after this call held the lock; null if none started within <paramref name="wait"/>,
    /// or if the lock stayed taken longer than <paramref name="limit"/> (batches running back to back can not be told apart).
    /// </returns>
    public static async Task<TimeSpan?> TimeNextBatchAsync(IDatabase redis, TimeSpan wait, TimeSpan limit, CancellationToken ct)
    {
        var waiting = Stopwatch.StartNew();
        // A batch already running started before the users were marked: let it finish.
        while (await redis.KeyExistsAsync(LockKey))
        {
            if (waiting.Elapsed > wait)
            {
                return null;
            }

            await Task.Delay(2, ct);
        }

        while (!await redis.KeyExistsAsync(LockKey))
        {
            if (waiting.Elapsed > wait)
            {
                return null;
            }

            await Task.Delay(2, ct);
        }

        var running = Stopwatch.StartNew();
        while (await redis.KeyExistsAsync(LockKey))
        {
            if (running.Elapsed > limit)
            {
                return null;
            }

            await Task.Delay(2, ct);
        }

        return running.Elapsed;
    }

    /// <returns>The count of the last "Refreshed N recommendation queues." line written to the log after <paramref name="offset"/>.</returns>
    public static async Task<int?> RefreshedCountAsync(string logFile, long offset, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (File.Exists(logFile))
            {
                await using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
                var text = await new StreamReader(stream).ReadToEndAsync(ct);
                var matches = Refreshed().Matches(text);
                if (matches.Count > 0)
                {
                    return int.Parse(matches[^1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            await Task.Delay(100, ct);
        }

        return null;
    }

    public static long LengthOf(string logFile) => File.Exists(logFile) ? new FileInfo(logFile).Length : 0;

    [GeneratedRegex(@"Refreshed (\d+) recommendation queues")]
    private static partial Regex Refreshed();
}
