using System.Diagnostics;
using System.Globalization;

namespace Dating.Benchmarks.Reports;

/// <summary>Where a report goes (printed, and a file under <c>results/</c>) and what every header says.</summary>
public static class ReportFile
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder holding Dating.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    public static async Task<string> HeaderAsync(string title, bool quick, string description) =>
        $"## {title}\n\n{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, commit {await GitCommitAsync()}, {Environment.ProcessorCount} cores, "
        + $"{(quick ? "quick mode (numbers are noise: proof that it runs)" : "full mode")}; {description}";

    public static async Task<string> WriteAsync(string name, string report, bool quick)
    {
        var folder = Path.Combine(RepositoryRoot, "results");
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
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, WorkingDirectory = RepositoryRoot })!;
            var output = (await git.StandardOutput.ReadToEndAsync()).Trim();
            await git.WaitForExitAsync();
            return output.Length > 0 ? output : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Dating.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (the folder holding Dating.sln) above " + AppContext.BaseDirectory);
    }
}
