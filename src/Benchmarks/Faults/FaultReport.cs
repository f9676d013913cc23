using System.Text;
using Dating.Benchmarks.Reports;

namespace Dating.Benchmarks.Faults;

/// <summary>The fault run's Markdown: a summary row per fault, then each fault's windows, failing steps and invariants.</summary>
public static class FaultReport
{
    private const int ViolationsShown = 5;

    public static string Render(IReadOnlyList<FaultResult> results, string header)
    {
        var md = new StringBuilder(header.TrimEnd()).AppendLine().AppendLine();
        md.AppendLine("| fault | failed while down | failed after | errors end after the kill | p99 from the kill on | invariants |");
        md.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            md.AppendLine(ReportFile.Invariant(
                $"| {r.Fault.Name} | {Share(r.During)} | {Share(r.After)} | {r.ErrorsEndAfterSeconds:0.0} s | {r.P99FromKillMs:0} ms | {(r.InvariantsHold ? "all hold" : $"{r.Invariants.Count(i => !i.Holds)} broken")} |"));
        }

        foreach (var r in results)
        {
            md.AppendLine().AppendLine($"### {r.Fault.Name}").AppendLine();
            md.AppendLine(WhatHappened(r)).AppendLine();
            md.AppendLine("| window | requests | failed |").AppendLine("|---|---:|---:|");
            foreach (var (name, window) in new[] { ("before the kill", r.Before), ("while down", r.During), ("after it was back", r.After) })
            {
                md.AppendLine($"| {name} | {window.Requests} | {Share(window)} |");
            }

            md.AppendLine().AppendLine("Failed requests from the kill on, per step: "
                + string.Join(", ", r.StepsFromKill.Select(s => $"{s.Key} {s.Value.Failed} of {s.Value.Requests}")) + ".").AppendLine();
            md.AppendLine(r.SettledAfterSeconds is { } settled
                ? ReportFile.Invariant($"Once the load stopped, every invariant held after {settled:0.0} s (checked over the whole history so far):")
                : "The invariants did not all hold within the settle time:").AppendLine();
            md.AppendLine("| invariant | result |").AppendLine("|---|---|");
            foreach (var invariant in r.Invariants)
            {
                var result = invariant.Holds ? "holds" : $"**broken**: {string.Join("; ", invariant.Violations.Take(ViolationsShown))}"
                    + (invariant.Violations.Count > ViolationsShown ? $" (and {invariant.Violations.Count - ViolationsShown} more)" : "");
                md.AppendLine($"| {invariant.Name} | {result} |");
            }
        }

        return md.ToString();
    }

    private static string WhatHappened(FaultResult r) => r.Fault.Kind switch
    {
        FaultKind.FreezeReplica => ReportFile.Invariant($"Frozen with SIGSTOP, thawed with SIGCONT {r.DownSeconds:0.0} s later."),
        FaultKind.Redeliver => ReportFile.Invariant($"{r.Republished.Values.Sum():N0} sent events marked unsent ({string.Join(", ", r.Republished.Select(m => $"{m.Key} {m.Value:N0}"))}), ")
            + ReportFile.Invariant($"each published again with its own message id; all sent again {r.DownSeconds:0.0} s later. Nothing was down."),
        _ => (r.StoppedFirst.Count > 0 ? $"Its other replicas ({string.Join(", ", r.StoppedFirst)}) stopped first by the dashboard's Stop command, and started again after the check. " : "")
            + ReportFile.Invariant($"Killed, then started again by the dashboard's Start command: healthy {r.DownSeconds:0.0} s after the kill."),
    };

    private static string Share(FaultWindow window) =>
        window.Failed == 0 ? "0" : ReportFile.Invariant($"{window.Failed} ({window.FailedShare:0.0 %})");
}
