using System.Diagnostics;
using System.Reflection;

namespace Dating.Benchmarks.Scenarios.Matching;

/// <summary>Runs a verb of the matching host (<c>seed</c>, <c>shards add</c>, …) as a process against a stack's databases, as an operator would.</summary>
public static class MatchingHostCommand
{
    // The app host's services are built with the benchmark, in its configuration.
    private static readonly string Configuration =
        typeof(MatchingHostCommand).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <param name="connectionStrings">By connection name: <c>matching</c>, <c>matching-shard-0</c>, …</param>
    /// <returns>The exit code, the wall time, and what the verb printed on stdout and stderr.</returns>
    public static async Task<(int ExitCode, double Seconds, string Output, string Error)> RunAsync(
        IReadOnlyDictionary<string, string> connectionStrings, IEnumerable<string> args, CancellationToken ct)
    {
        var assembly = Path.Combine(Reports.ReportFile.RepositoryRoot, "src", "Matching.Host", "bin", Configuration, "net10.0", "Dating.Matching.Host.dll");
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"{assembly} is missing: build the benchmarks (they build the app host's services) in {Configuration}.", assembly);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

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
        return (process.ExitCode, stopwatch.Elapsed.TotalSeconds, (await output).Trim(), (await error).Trim());
    }
}
