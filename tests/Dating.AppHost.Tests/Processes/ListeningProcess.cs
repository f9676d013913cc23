using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Dating.AppHost.Tests.Processes;

/// <summary>The process that listens on a loopback port (iproute2's ss), for tests that kill one like a crash would.</summary>
internal static partial class ListeningProcess
{
    public static int Of(int port)
    {
        using var ss = Process.Start(new ProcessStartInfo("ss", ["-Hltnp", $"sport = :{port}"]) { RedirectStandardOutput = true })!;
        var output = ss.StandardOutput.ReadToEnd();
        ss.WaitForExit();
        var match = Pid().Match(output);
        return match.Success ? int.Parse(match.Groups[1].Value) : throw new InvalidOperationException($"Nothing listens on port {port}: {output}");
    }

    [GeneratedRegex(@"pid=(\d+)")]
    private static partial Regex Pid();
}
