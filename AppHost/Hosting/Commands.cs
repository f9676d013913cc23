using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Dating.AppHost.Hosting;

/// <summary>Short-lived commands the resources run before a server starts (apt-get, npm, initdb), logged to the resource.</summary>
internal static class Commands
{
    public sealed record Result(int ExitCode, string Output)
    {
        public bool Succeeded => ExitCode == 0;

        public string Tail(int lines = 15) => string.Join('\n', Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));
    }

    public static async Task<Result> RunAsync(
        string file, IReadOnlyList<string> arguments, ILogger log, TimeSpan timeout, CancellationToken ct, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        var output = new System.Text.StringBuilder();
        void OnLine(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            log.LogInformation("{Line}", e.Data);
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new Result(127, $"{file}: {e.Message}");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{file} {string.Join(' ', arguments)}' did not finish within {timeout.TotalSeconds:0} s.");
        }

        lock (output)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }

    /// <summary>A program on PATH, or null.</summary>
    public static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/sbin")
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
