using System.Runtime.InteropServices;

namespace Dating.AppHost.Processes;

/// <summary>POSIX signals: .NET's Process.Kill only sends SIGKILL, and servers need a graceful stop.</summary>
public static partial class Signals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public static bool Send(int pid, int signal) => pid > 0 && kill(pid, signal) == 0;

    public static bool IsAlive(int pid) => pid > 0 && kill(pid, 0) == 0 && !IsZombie(pid);

    public static bool IsRoot => geteuid() == 0;

    // A killed child that nobody has reaped yet still answers kill(pid, 0).
    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var afterName = stat[(stat.LastIndexOf(')') + 2)..];
            return afterName.StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    [LibraryImport("libc")]
    private static partial uint geteuid();
}
