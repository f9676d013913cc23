namespace Dating.Benchmarks.Scenarios.Matching;

/// <summary>Runs the matching host's <c>seed &lt;count&gt; &lt;randomSeed&gt;</c> verb against a stack's database.</summary>
public static class MatchingSeed
{
    /// <summary>Seeds with the same random seed every time, so two runs get the same synthetic users.</summary>
    /// <param name="connectionStrings">By connection name; <c>matching</c> is where the users go.</param>
    /// <returns>The wall time and what the seeder printed.</returns>
    public static async Task<(double Seconds, string Output)> RunAsync(IReadOnlyDictionary<string, string> connectionStrings, int count, CancellationToken ct)
    {
        var (exitCode, seconds, output, error) = await MatchingHostCommand.RunAsync(
            connectionStrings, ["seed", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "42"], ct);
        return exitCode == 0 ? (seconds, output) : throw new InvalidOperationException($"seed exited with {exitCode}: {output}\n{error}");
    }
}
