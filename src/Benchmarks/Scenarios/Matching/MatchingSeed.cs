using System.Diagnostics;
using Dating.AppHost.BackingServices;
using Dating.AppHost.Orchestration;

namespace Dating.Benchmarks.Scenarios.Matching;

/// <summary>Runs the matching host's <c>seed &lt;count&gt; &lt;randomSeed&gt;</c> verb against the benchmark's database.</summary>
public static class MatchingSeed
{
    /// <returns>The wall time and what the seeder printed.</returns>
    public static Task<(double Seconds, string Output)> RunAsync(BackingServiceSet backing, int count, CancellationToken ct) =>
        RunAsync(backing.ConnectionStrings, count, ct);

    /// <summary>Seeds with the same random seed every time, so two runs get the same synthetic users.</summary>
    public static async Task<(double Seconds, string Output)> RunAsync(IReadOnlyDictionary<string, string> connectionStrings, int count, CancellationToken ct)
    {
        var assembly = BuildOutput.AssemblyPath(ServiceCatalog.Microservices.Single(s => s.Name == "matching"));
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
