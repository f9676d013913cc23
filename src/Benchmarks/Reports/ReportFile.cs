using System.Diagnostics;
using System.Globalization;
using Dating.AppHost.BackingServices;

namespace Dating.Benchmarks.Reports;

/// <summary>Where a report goes (printed, and a file under <c>results/</c>) and what every header says.</summary>
public static class ReportFile
{
    public static async Task<string> HeaderAsync(string title, bool quick, string description) =>
        $"## {title}\n\n{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, commit {await GitCommitAsync()}, {Environment.ProcessorCount} cores, "
        + $"{(quick ? "quick mode (numbers are noise: proof that it runs)" : "full mode")}; {description}";

    public static async Task<string> WriteAsync(string name, string report, bool quick)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "results");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}{(quick ? "-quick" : "")}.md");
        await File.WriteAllTextAsync(file, report);
        return file;
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static async Task<string> GitCommitAsync()
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
}
