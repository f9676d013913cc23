using System.Diagnostics;
using Dating.AppHost.Hosting;
using Dating.Testing;

namespace Dating.AppHost.Tests.Processes;

public sealed class ProcessSignalTests
{
    [Fact]
    public async Task Stop_and_cont_freeze_and_thaw_a_process_and_kill_ends_it()
    {
        using var sleeper = Process.Start("sleep", "60");
        try
        {
            ProcessSignal.Send(sleeper.Id, "STOP", "sleep");
            await Eventually.UntilAsync(() => StateOf(sleeper.Id) == 'T', "sleep to be stopped", TimeSpan.FromSeconds(10));
            ProcessSignal.Send(sleeper.Id, "CONT", "sleep");
            await Eventually.UntilAsync(() => StateOf(sleeper.Id) == 'S', "sleep to run again", TimeSpan.FromSeconds(10));
            ProcessSignal.Send(sleeper.Id, "KILL", "sleep");
            await sleeper.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            ProcessSignal.TrySend(sleeper.Id, "KILL");
        }
    }

    [Fact]
    public async Task A_signal_that_reaches_no_process_is_false_or_throws_with_kills_words()
    {
        using var gone = Process.Start("true");
        await gone.WaitForExitAsync(TestContext.Current.CancellationToken);

        ProcessSignal.TrySend(gone.Id, "CONT").ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => ProcessSignal.Send(gone.Id, "CONT", "true"))
            .Message.ShouldSatisfyAllConditions(
                message => message.ShouldStartWith($"kill -CONT {gone.Id} (true) failed: "),
                message => message.ShouldContain("No such process"));
    }

    // The third field of /proc/<pid>/stat: R running, S sleeping, T stopped.
    private static char StateOf(int pid) => File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1][0];
}
