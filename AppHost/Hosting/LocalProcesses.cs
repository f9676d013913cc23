using System.Globalization;

namespace Dating.AppHost.Hosting;

/// <summary>
/// What Linux says of a local process, and the process a server's pid file names: how the app host tells a server's
/// process from another that took its pid (a file left by a killed server), and a leftover of an earlier run from
/// nothing. Hand-written: .NET's Process gives no command line on Linux; /proc is the only place that says it.
/// </summary>
public static class LocalProcesses
{
    /// <summary>The process's arguments (its command line, split at its NULs); none when it is gone.</summary>
    public static string[] ArgumentsOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The pid on the first line of a pid file; null when there is no file (never written, or removed as its server stopped).</summary>
    public static int? PidFromFile(string path)
    {
        try
        {
            return int.TryParse(File.ReadLines(path).FirstOrDefault()?.Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
