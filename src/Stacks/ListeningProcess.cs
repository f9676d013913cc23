using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Dating.Stacks;

/// <summary>
/// The process that listens on a loopback port (iproute2's ss), for tests and fault runs that kill one like a crash
/// would, also when it is no child of the resource's process (Patroni detaches the PostgreSQL it starts); and the
/// processes connected to one.
/// </summary>
public static partial class ListeningProcess
{
    public static int Of(int port) =>
        TryOf(port, out var output) ?? throw new InvalidOperationException($"Nothing listens on port {port}: {output}");

    /// <summary>The listening process, or null when nothing listens on <paramref name="port"/>.</summary>
    public static int? TryOf(int port) => TryOf(port, out _);

    /// <summary>The processes with an established connection to <paramref name="port"/> (its clients).</summary>
    public static IReadOnlySet<int> ClientsOf(int port) =>
        Pid().Matches(Ss("-Htnp", "state", "established", $"dport = :{port}")).Select(ParsePid).ToHashSet();

    private static int? TryOf(int port, out string output)
    {
        output = Ss("-Hltnp", $"sport = :{port}");
        var match = Pid().Match(output);
        return match.Success ? ParsePid(match) : null;
    }

    private static string Ss(params string[] arguments)
    {
        using var ss = Process.Start(new ProcessStartInfo("ss", arguments) { RedirectStandardOutput = true })!;
        var output = ss.StandardOutput.ReadToEnd();
        ss.WaitForExit();
        return output;
    }

    private static int ParsePid(Match match) => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"pid=(\d+)")]
    private static partial Regex Pid();
}
