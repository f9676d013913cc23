using Microsoft.Extensions.Logging;

namespace Dating.AppHost.Hosting;

/// <summary>
/// What the project installs on the machine (Debian packages with apt-get, Azurite with npm) is installed under one
/// machine-wide lock, so two stacks or test runs never run apt-get at once. The app host's install step and the
/// tests' chromium and kubectl all install under its lock.
/// </summary>
public static class MachineInstalls
{
    private static readonly string LockFile = Path.Combine(Path.GetTempPath(), "dating-backing-services-install.lock");
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    /// <summary>Where what is installed per checkout goes (Azurite, the deployment tests' kubectl): out of git.</summary>
    public static string ToolsFolder(string repositoryRoot) => Path.Combine(repositoryRoot, ".local", "tools");

    /// <summary>Holds the install lock until disposed; waits (and says so once) while another process installs.</summary>
    public static async Task<IAsyncDisposable> LockAsync(ILogger log, CancellationToken ct)
    {
        await InProcess.WaitAsync(ct);
        try
        {
            return new Held(await OpenLockFileAsync(log, ct));
        }
        catch
        {
            InProcess.Release();
            throw;
        }
    }

    // The file opened without sharing is the lock between processes; the semaphore is the one between threads of one.
    private static async Task<FileStream> OpenLockFileAsync(ILogger log, CancellationToken ct)
    {
        for (var announced = false; ; announced = true)
        {
            try
            {
                return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                if (!announced)
                {
                    log.LogInformation("waiting for another process that is installing ({LockFile})", LockFile);
                }

                await Task.Delay(500, ct);
            }
        }
    }

    /// <summary>
    /// The program at <paramref name="executablePath"/>, installed from Debian's <paramref name="package"/> under the
    /// install lock when missing (the browser tests' chromium).
    /// </summary>
    /// <exception cref="InstallationException">It could not be installed; the message says what to do.</exception>
    public static async Task<string> EnsureDebianProgramAsync(string executablePath, string package, ILogger log, CancellationToken ct)
    {
        if (File.Exists(executablePath))
        {
            return executablePath;
        }

        await using (await LockAsync(log, ct))
        {
            if (!File.Exists(executablePath))
            {
                await InstallDebianPackagesAsync([package], log, ct);
            }
        }

        return File.Exists(executablePath)
            ? executablePath
            : throw new InstallationException($"apt-get finished but {executablePath} is still missing: install Debian's {package} by hand (sudo apt-get install -y {package}).");
    }

    /// <summary><c>apt-get install</c>, as root or with passwordless sudo; call it holding <see cref="LockAsync"/>.</summary>
    /// <exception cref="InstallationException">No apt-get, no way to become root, or apt-get failed; the message says what to do.</exception>
    public static async Task InstallDebianPackagesAsync(IReadOnlyCollection<string> packages, ILogger log, CancellationToken ct)
    {
        if (Commands.OnPath("apt-get") is not { } aptGet)
        {
            throw new InstallationException($"{string.Join(", ", packages)} missing and this is not a Debian or Ubuntu machine (no apt-get): install them by hand.");
        }

        string[] prefix = Environment.IsPrivilegedProcess ? [] : await CanSudoAsync(log, ct) ? ["sudo", "-n", "-E"] :
            throw new InstallationException($"{string.Join(", ", packages)} missing, and installing them needs root or passwordless sudo: run `sudo apt-get install {string.Join(' ', packages)}`.");
        var environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        log.LogInformation("apt-get update");
        await MustSucceedAsync([.. prefix, aptGet, "update", "-q"], log, TimeSpan.FromMinutes(5), ct, environment);
        log.LogInformation("apt-get install {Packages}", string.Join(' ', packages));
        // Nothing starts itself after the install (policy-rc.d); the stack runs its own instances.
        await MustSucceedAsync(
            [.. prefix, aptGet, "install", "-y", "-q", "--no-install-recommends", "-o", "Dpkg::Options::=--force-confdef", .. packages],
            log, TimeSpan.FromMinutes(10), ct, environment);
    }

    internal static async Task MustSucceedAsync(
        string[] command, ILogger log, TimeSpan timeout, CancellationToken ct, Dictionary<string, string>? environment = null)
    {
        var result = await Commands.RunAsync(command[0], command[1..], log, timeout, ct, environment);
        if (!result.Succeeded)
        {
            throw new InstallationException($"'{string.Join(' ', command)}' failed with exit code {result.ExitCode}: {result.Tail(1)}\n{result.Tail()}");
        }
    }

    private static async Task<bool> CanSudoAsync(ILogger log, CancellationToken ct) =>
        Commands.OnPath("sudo") is { } sudo && (await Commands.RunAsync(sudo, ["-n", "true"], log, TimeSpan.FromSeconds(10), ct)).Succeeded;

    private sealed class Held(FileStream file) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await file.DisposeAsync();
            InProcess.Release();
        }
    }
}

/// <summary>An install that cannot succeed here; the message names the cause and what to do by hand.</summary>
public sealed class InstallationException(string message) : Exception(message);
