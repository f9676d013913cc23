using System.Diagnostics;
using System.Text;

namespace Dating.AppHost.Processes;

/// <summary>Runs a short command to completion and captures its output.</summary>
public static class CommandRunner
{
    public sealed record Result(int ExitCode, string Output)
    {
        public bool Succeeded => ExitCode == 0;
    }

    public static async Task<Result> RunAsync(ProcessSpec spec, TimeSpan timeout, CancellationToken ct = default)
    {
        var output = new StringBuilder();
        await using var process = ManagedProcess.Start(spec, onLine: line =>
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        });
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await process.Exited.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"'{spec}' did not finish within {timeout.TotalSeconds:0} s.");
        }

        lock (output)
        {
            return new Result(process.ExitCode ?? -1, output.ToString());
        }
    }

    public static Task<Result> RunAsync(string fileName, params string[] arguments) =>
        RunAsync(new ProcessSpec(fileName, arguments), TimeSpan.FromMinutes(1));

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? FindOnPath(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        foreach (var directory in path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/sbin", "/sbin"]))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    internal static string Describe(this Stopwatch watch) => $"{watch.Elapsed.TotalSeconds:0.0} s";
}
