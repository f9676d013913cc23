using System.Diagnostics;
using Dating.Benchmarks.Load;

namespace Dating.Benchmarks.Tests;

/// <summary>The scaling experiment's smaller machine: a process tree confined to one CPU, its children included.</summary>
public sealed class CpuAffinityTests
{
    [Fact]
    public async Task A_process_and_its_children_are_confined_to_the_first_cpu()
    {
        Assert.SkipWhen(Environment.ProcessorCount < 2, "One CPU: nothing to confine to.");
        var ct = TestContext.Current.CancellationToken;
        using var shell = Process.Start(new ProcessStartInfo("sh", ["-c", "sleep 60 & sleep 60 & wait"]))!;
        try
        {
            int[] children = [];
            while (children.Length < 2)
            {
                await Task.Delay(20, ct);
                children = [.. ProcessTree.WithDescendants([shell.Id]).Where(pid => pid != shell.Id)];
            }

            CpuAffinity.AllowedCpus(shell.Id).ShouldBe($"0-{Environment.ProcessorCount - 1}");

            var confined = await CpuAffinity.ConfineAsync([shell.Id], 1, ct);

            confined.ShouldBe(3);
            CpuAffinity.AllowedCpus(shell.Id).ShouldBe("0");
            children.ShouldAllBe(pid => CpuAffinity.AllowedCpus(pid) == "0");
        }
        finally
        {
            shell.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task More_cpus_than_the_machine_has_is_refused()
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => CpuAffinity.ConfineAsync([Environment.ProcessId], Environment.ProcessorCount + 1, CancellationToken.None));
    }
}
