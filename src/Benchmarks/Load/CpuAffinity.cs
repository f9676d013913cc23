using System.Diagnostics;
using System.Globalization;

namespace Dating.Benchmarks.Load;

/// <summary>
/// A smaller machine for a running stack: every thread of its processes (and their children, such as PostgreSQL's
/// backends) confined to the first N CPUs with util-linux's <c>taskset</c>. Threads and processes started later inherit
/// the mask of the thread that starts them, so the whole stack stays on those CPUs. The load generator is not confined.
/// </summary>
public static class CpuAffinity
{
    /// <returns>The processes confined (each with all its threads).</returns>
    public static async Task<int> ConfineAsync(IEnumerable<int> roots, int cpus, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cpus, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cpus, Environment.ProcessorCount);
        var list = cpus == 1 ? "0" : string.Create(CultureInfo.InvariantCulture, $"0-{cpus - 1}");
        var confined = 0;
        foreach (var pid in ProcessTree.WithDescendants(roots))
        {
            using var taskset = Process.Start(new ProcessStartInfo("taskset", ["--all-tasks", "--cpu-list", "--pid", list, pid.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("taskset did not start.");
            var error = taskset.StandardError.ReadToEndAsync(ct);
            await taskset.StandardOutput.ReadToEndAsync(ct);
            await taskset.WaitForExitAsync(ct);
            if (taskset.ExitCode == 0)
            {
                confined++;
            }
            else if (File.Exists($"/proc/{pid}/stat"))
            {
                // A process that ended meanwhile (a short-lived helper) is fine; one that lives on unconfined is not.
                throw new InvalidOperationException($"taskset could not confine process {pid} to CPUs {list}: {(await error).Trim()}");
            }
        }

        return confined;
    }

    /// <summary>The CPUs a thread of the process may run on (<c>Cpus_allowed_list</c>), to check a confinement.</summary>
    public static string AllowedCpus(int pid) =>
        File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))["Cpus_allowed_list:".Length..].Trim();
}
