using System.Diagnostics;
using Dating.Benchmarks.Load;

namespace Dating.Benchmarks.Tests;

/// <summary>Waiting for a stack to come to rest after its warm-up: a busy process is waited for, one that stays busy is not at rest.</summary>
public sealed class SettlingTests
{
    [Fact]
    public async Task A_process_that_stops_working_is_at_rest_two_quiet_seconds_later()
    {
        // Two seconds of work by the microsecond clock: $SECONDS counts whole seconds from a start that may fall at the
        // end of one, so a loop on it may work for little more than one.
        var settled = await SettleAsync(
            "end=$(( ${EPOCHREALTIME/./} + 2000000 )); while (( ${EPOCHREALTIME/./} < end )); do :; done; exec sleep 60",
            TimeSpan.FromSeconds(20));

        settled.ShouldNotBeNull();
        settled.Value.ShouldBeGreaterThanOrEqualTo(3); // 2 s of work, then 2 quiet windows: about 4 s
    }

    [Fact]
    public async Task A_process_that_keeps_working_is_never_at_rest()
    {
        (await SettleAsync("while :; do :; done", TimeSpan.FromSeconds(3))).ShouldBeNull();
    }

    /// <summary>
    /// Waits for a bash script's process to come to rest, then ends it. bash: its loops, arithmetic and $EPOCHREALTIME are builtins, so
    /// the busy process is the one measured, not children it forks.
    /// </summary>
    private static async Task<double?> SettleAsync(string script, TimeSpan limit)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", script]))!;
        try
        {
            return await Settling.UntilRestAsync(() => [process.Id], 0.1, limit, TestContext.Current.CancellationToken);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }
}
