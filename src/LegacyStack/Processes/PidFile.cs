namespace Dating.AppHost.Processes;

/// <summary>
/// Remembers a child's pid on disk, so that a later run can stop a process left behind when the AppHost
/// itself was killed (this machine's init does not reap orphans, and a leftover holds its port).
/// </summary>
public sealed class PidFile(string path)
{
    public string Path { get; } = path;

    public void Write(int pid)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        File.WriteAllText(Path, pid.ToString());
    }

    public void Delete() => File.Delete(Path);

    /// <summary>Stops the recorded process if it still runs and its command line still names <paramref name="expected"/> (pids get reused).</summary>
    public async Task<bool> StopLeftoverAsync(string expected, int signal, Action<string> log)
    {
        if (!File.Exists(Path) || !int.TryParse(await File.ReadAllTextAsync(Path), out var pid) || !Signals.IsAlive(pid)
            || !CommandLineOf(pid).Contains(expected, StringComparison.Ordinal))
        {
            return false;
        }

        log($"stopping pid {pid} left running by an earlier run ({expected})");
        Signals.Send(pid, signal);
        for (var i = 0; i < 300 && Signals.IsAlive(pid); i++)
        {
            await Task.Delay(100);
        }

        if (Signals.IsAlive(pid))
        {
            Signals.Send(pid, Signals.SigKill);
        }

        Delete();
        return true;
    }

    private static string CommandLineOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }
}
