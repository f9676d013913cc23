using System.Diagnostics;
using Dating.Benchmarks.Load;

namespace Dating.Benchmarks.Tests;

/// <summary>Waiting for a stack to come to rest after its warm-up: a busy process is waited for, one that stays busy is not at rest.</summary>
public sealed class SettlingTests
{
    [Fact]
    public async Task A_process_that_stops_working_is_at_rest_two_quiet_seconds_later()
    {
        using var process = Start("while [ $SECONDS -lt 2 ]; do :; done; exec sleep 60");
        try
        {
            var settled = await Settling.UntilRestAsync(() => [process.Id], 0.1, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

            settled.ShouldNotBeNull();
            settled.Value.ShouldBeGreaterThanOrEqualTo(3); // 2 s of work, then 2 quiet windows
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task A_process_that_keeps_working_is_never_at_rest()
    {
        using var process = Start("while :; do :; done");
        try
        {
            var settled = await Settling.UntilRestAsync(() => [process.Id], 0.1, TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

            settled.ShouldBeNull();
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    // bash: its loops and $SECONDS are builtins, so the busy process is the one measured, not children it forks.
    private static Process Start(string script) => Process.Start(new ProcessStartInfo("bash", ["-c", script]))!;
}
