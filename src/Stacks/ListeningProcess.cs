using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Dating.Stacks;

/// <summary>
/// The process that listens on a loopback port (iproute2's ss), for tests and fault runs that kill one like a crash
/// would, also when it is no child of the resource's process (Patroni detaches the PostgreSQL it starts).
/// </summary>
public static partial class ListeningProcess
{
    public static int Of(int port) =>
        TryOf(port, out var output) ?? throw new InvalidOperationException($"Nothing listens on port {port}: {output}");

    /// <summary>The listening process, or null when nothing listens on <paramref name="port"/>.</summary>
    public static int? TryOf(int port) => TryOf(port, out _);

    private static int? TryOf(int port, out string output)
    {
        using var ss = Process.Start(new ProcessStartInfo("ss", ["-Hltnp", $"sport = :{port}"]) { RedirectStandardOutput = true })!;
        output = ss.StandardOutput.ReadToEnd();
        ss.WaitForExit();
        var match = Pid().Match(output);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"pid=(\d+)")]
    private static partial Regex Pid();
}
