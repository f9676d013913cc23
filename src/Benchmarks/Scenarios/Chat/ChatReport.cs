using System.Text;
using static Dating.Benchmarks.Reports.ReportFile;

namespace Dating.Benchmarks.Scenarios.Chat;

/// <summary>The Markdown tables: every phase of every run, then means per replica count.</summary>
public static class ChatReport
{
    public static string Render(IReadOnlyList<ChatRun> runs, string header)
    {
        var text = new StringBuilder(header).AppendLine().AppendLine();
        text.AppendLine("| chat replicas | round | load | sent | delivered/s | send errors | lost | POST p50 ms | p90 | p99 | max | delivery p50 ms | p90 | p99 | max |");
        text.AppendLine("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in runs)
        {
            text.AppendLine(Invariant($"| {r.Replicas} | {r.Round} | {r.Load} | {r.Sent} | {r.DeliveredPerSecond:0.0} | {r.SendErrors} | {r.Lost} | {r.Post.Cells()} | {r.Delivery.Cells()} |"));
        }

        text.AppendLine().AppendLine("Mean over rounds:").AppendLine();
        text.AppendLine("| chat replicas | load | delivered/s | delivery p50 ms | delivery p99 ms |");
        text.AppendLine("|---:|---|---:|---:|---:|");
        foreach (var group in runs.GroupBy(r => (r.Replicas, r.Load)))
        {
            text.AppendLine(Invariant($"| {group.Key.Replicas} | {group.Key.Load} | {group.Average(r => r.DeliveredPerSecond):0.0} | {group.Average(r => r.Delivery.P50):0.0} | {group.Average(r => r.Delivery.P99):0.0} |"));
        }

        return text.ToString();
    }
}
