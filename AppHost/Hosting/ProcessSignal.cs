using System.Diagnostics;
using System.Globalization;

namespace Dating.AppHost.Hosting;

/// <summary>
/// A POSIX signal by name to a process (<c>kill -INT</c>, <c>-STOP</c>, <c>-CONT</c>, <c>-KILL</c>): the app host's fast
/// shutdown of a PostgreSQL, and the tests and fault runs that freeze or kill a process. .NET's Process sends only
/// SIGKILL, to its own children; this is procps' kill, so the signal names stay the shell's.
/// </summary>
public static class ProcessSignal
{
    /// <summary>Sends <paramref name="signal"/>; false when it reached no process (gone already, or not ours).</summary>
    public static bool TrySend(int pid, string signal) => Kill(pid, signal).ExitCode == 0;

    /// <summary>Sends <paramref name="signal"/>; throws with kill's own words when it reached no process.</summary>
    public static void Send(int pid, string signal, string? name = null)
    {
        var (exitCode, error) = Kill(pid, signal);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {pid}{(name is null ? "" : $" ({name})")} failed: {error.Trim()}");
        }
    }

    private static (int ExitCode, string Error) Kill(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardError = true })!;
        var error = kill.StandardError.ReadToEnd();
        kill.WaitForExit();
        return (kill.ExitCode, error);
    }
}
