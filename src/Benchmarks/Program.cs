using System.Diagnostics;
using Dating.AppHost.BackingServices;
using Dating.Benchmarks.Scenarios;

// dotnet run -c Release --project src/Benchmarks -- profiles [--quick]
if (args.Length == 0 || args[0] != "profiles" || args.Skip(1).Any(a => a != "--quick"))
{
    Console.Error.WriteLine("Usage: dotnet run -c Release --project src/Benchmarks -- profiles [--quick]");
    return 2;
}

var quick = args.Contains("--quick");
var settings = quick ? BenchmarkSettings.Quick : BenchmarkSettings.Full;
void Log(string message) => Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {message}");

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var results = await new ProfilesBenchmark(settings, Log).RunAsync(cancel.Token);
var commit = await GitCommitAsync();
var header = $"## Profiles through the gateway versus direct\n\n{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, commit {commit}, {Environment.ProcessorCount} cores, "
    + $"{(quick ? "quick mode" : $"{settings.Rounds} rounds of {settings.Duration.TotalSeconds:0} s per target, alternating")}; "
    + $"max = {settings.Clients} closed-loop clients, fixed rate = open model (latency from the intended send time).";
var report = ProfilesReport.Render(results, header);
Console.WriteLine(report);

var folder = Path.Combine(RepositoryPaths.Root, "results");
Directory.CreateDirectory(folder);
var file = Path.Combine(folder, $"profiles-{DateTime.UtcNow:yyyyMMdd-HHmmss}{(quick ? "-quick" : "")}.md");
await File.WriteAllTextAsync(file, report);
Log($"report written to {file}");
return 0;

static async Task<string> GitCommitAsync()
{
    try
    {
        using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, WorkingDirectory = RepositoryPaths.Root })!;
        var output = (await git.StandardOutput.ReadToEndAsync()).Trim();
        await git.WaitForExitAsync();
        return output.Length > 0 ? output : "unknown";
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return "unknown";
    }
}
