using System.Diagnostics;
using Npgsql;

namespace Dating.Benchmarks.Scenarios.Matching;

/// <summary>Matching's read model of the users, as the benchmarks wait on it.</summary>
public static class MatchingReadModel
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Until every registered user's card reached matching (through the profile events): only then can others swipe them.</summary>
    public static async Task WaitForCardsAsync(string matchingDb, Guid[] userIds, Action<string> log, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(matchingDb);
        await connection.OpenAsync(ct);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM matching.candidates WHERE user_id = ANY(@ids)", connection);
            command.Parameters.AddWithValue("ids", userIds);
            var found = (long)(await command.ExecuteScalarAsync(ct))!;
            if (found == userIds.Length)
            {
                log($"all {found} users are in the matching read model after {waited.Elapsed.TotalSeconds:0.0} s");
                return;
            }

            if (waited.Elapsed > Timeout)
            {
                throw new TimeoutException($"only {found} of {userIds.Length} users reached the matching read model");
            }

            await Task.Delay(100, ct);
        }
    }
}
