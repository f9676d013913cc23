using System.Diagnostics;
using System.Reflection;

namespace Dating.Benchmarks.Scenarios.Matching;

/// <summary>Runs the matching host's <c>seed &lt;count&gt; &lt;randomSeed&gt;</c> verb against a stack's database.</summary>
public static class MatchingSeed
{
    // The app host's services are built with the benchmark, in its configuration.
    private static readonly string Configuration =
        typeof(MatchingSeed).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>Seeds with the same random seed every time, so two runs get the same synthetic users.</summary>
    /// <param name="connectionStrings">By connection name; <c>matching</c> is where the users go.</param>
    /// <returns>The wall time and what the seeder printed.</returns>
    public static async Task<(double Seconds, string Output)> RunAsync(IReadOnlyDictionary<string, string> connectionStrings, int count, CancellationToken ct)
    {
        var assembly = Path.Combine(Reports.ReportFile.RepositoryRoot, "src", "Matching.Host", "bin", Configuration, "net10.0", "Dating.Matching.Host.dll");
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"{assembly} is missing: build the benchmarks (they build the app host's services) in {Configuration}.", assembly);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { assembly, "seed", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "42" },
            WorkingDirectory = Path.GetDirectoryName(assembly),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in connectionStrings)
        {
            start.Environment[$"ConnectionStrings__{name}"] = value;
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var text = (await output).Trim();
        return process.ExitCode == 0
            ? (stopwatch.Elapsed.TotalSeconds, text)
            : throw new InvalidOperationException($"seed exited with {process.ExitCode}: {text}\n{await error}");
    }
}
