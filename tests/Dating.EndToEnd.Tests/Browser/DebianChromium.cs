using System.Diagnostics;

namespace Dating.EndToEnd.Tests.Browser;

/// <summary>
/// Debian's chromium, the only browser these tests drive (Playwright never downloads one). Installed with apt-get
/// when missing, as root or with passwordless sudo, under the same cross-process lock as the backing servers'
/// installs, so apt-get never runs twice at once.
/// </summary>
internal static class DebianChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>The flags this machine needs: no sandbox as root, and no calls home on a closed network.</summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private static readonly string LockFile = Path.Combine(Path.GetTempPath(), "dating-backing-services-install.lock");
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    public static async Task<string> EnsureInstalledAsync(CancellationToken ct)
    {
        if (File.Exists(ExecutablePath))
        {
            return ExecutablePath;
        }

        await InProcess.WaitAsync(ct);
        try
        {
            await using var fileLock = await AcquireFileLockAsync(ct);
            if (!File.Exists(ExecutablePath))
            {
                await InstallAsync(ct);
            }
        }
        finally
        {
            InProcess.Release();
        }

        return File.Exists(ExecutablePath)
            ? ExecutablePath
            : throw new InvalidOperationException($"apt-get finished but {ExecutablePath} is still missing. {Help}");
    }

    private const string Help = "Install Debian's browser by hand: sudo apt-get install -y chromium (the tests use /usr/bin/chromium).";

    private static async Task InstallAsync(CancellationToken ct)
    {
        string[] prefix;
        if (Environment.UserName == "root" || await SucceedsAsync("id", ["-u"], expectOutput: "0", ct))
        {
            prefix = [];
        }
        else if (await SucceedsAsync("sudo", ["-n", "true"], expectOutput: null, ct))
        {
            prefix = ["sudo", "-n", "-E"];
        }
        else
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing and there is no root or passwordless sudo to install it. {Help}");
        }

        TestLogLine("apt-get update (for chromium)");
        await RunAsync([.. prefix, "apt-get", "update", "-q"], TimeSpan.FromMinutes(5), ct);
        TestLogLine("apt-get install -y chromium");
        await RunAsync([.. prefix, "apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium"], TimeSpan.FromMinutes(10), ct);
    }

    private static async Task RunAsync(string[] command, TimeSpan timeout, CancellationToken ct)
    {
        var (exitCode, output) = await ExecAsync(command[0], command[1..], timeout, ct);
        if (exitCode != 0)
        {
            var tail = string.Join('\n', output.Split('\n').TakeLast(15));
            throw new InvalidOperationException($"'{string.Join(' ', command)}' failed with exit code {exitCode}:\n{tail}\n{Help}");
        }
    }

    private static async Task<bool> SucceedsAsync(string file, string[] arguments, string? expectOutput, CancellationToken ct)
    {
        try
        {
            var (exitCode, output) = await ExecAsync(file, arguments, TimeSpan.FromSeconds(10), ct);
            return exitCode == 0 && (expectOutput is null || output.Trim() == expectOutput);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // Not installed.
        }
    }

    private static async Task<(int ExitCode, string Output)> ExecAsync(string file, string[] arguments, TimeSpan timeout, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{file} {string.Join(' ', arguments)}' did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task<FileStream> AcquireFileLockAsync(CancellationToken ct)
    {
        var announced = false;
        while (true)
        {
            try
            {
                return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                if (!announced)
                {
                    TestLogLine($"waiting for another process that is installing ({LockFile})");
                    announced = true;
                }

                await Task.Delay(500, ct);
            }
        }
    }

    private static void TestLogLine(string message) => TestContext.Current.TestOutputHelper?.WriteLine($"browser: {message}");
}
