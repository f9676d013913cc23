using Dating.AppHost.Processes;

namespace Dating.AppHost.Tests.Processes;

public sealed class PidFileTests
{
    private readonly PidFile _pidFile = new(Path.Combine(Path.GetTempPath(), "dating-tests", $"pid-{Guid.NewGuid():N}.pid"));

    [Fact]
    public async Task A_process_left_by_a_killed_run_is_stopped_by_the_next_one()
    {
        await using var leftover = ManagedProcess.Start(new ProcessSpec("sleep", ["300"]) { OwnSession = true });
        _pidFile.Write(leftover.Pid);

        var stopped = await _pidFile.StopLeftoverAsync("sleep", Signals.SigTerm, _ => { });

        stopped.ShouldBeTrue();
        await leftover.Exited.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        File.Exists(_pidFile.Path).ShouldBeFalse();
    }

    [Fact]
    public async Task A_process_that_merely_reused_the_pid_is_left_alone()
    {
        await using var unrelated = ManagedProcess.Start(new ProcessSpec("sleep", ["300"]));
        _pidFile.Write(unrelated.Pid);

        var stopped = await _pidFile.StopLeftoverAsync("Dating.Profiles.Host", Signals.SigTerm, _ => { });

        stopped.ShouldBeFalse();
        Signals.IsAlive(unrelated.Pid).ShouldBeTrue();
        unrelated.Kill();
    }

    [Fact]
    public async Task No_pid_file_means_nothing_to_stop()
    {
        (await _pidFile.StopLeftoverAsync("sleep", Signals.SigTerm, _ => { })).ShouldBeFalse();
    }
}
