using System.Text;
using static Dating.Benchmarks.Reports.ReportFile;

namespace Dating.Benchmarks.Scenarios.Photos;

/// <summary>The Markdown tables: every run, then the mean per replica count.</summary>
public static class PhotosReport
{
    public static string Render(IReadOnlyList<PhotosRun> runs, string header)
    {
        var text = new StringBuilder(header).AppendLine().AppendLine();
        text.AppendLine("### Upload throughput (closed loop) and processing");
        text.AppendLine();
        text.AppendLine("| photos replicas | round | uploads | accepted (202)/s | upload p50 ms | p90 | p99 | max | all processed after s | processed/s | ready | failed |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in runs)
        {
            text.AppendLine(Invariant($"| {r.Replicas} | {r.Round} | {r.Uploads} | {r.AcceptedPerSecond:0.0} | {r.UploadLatency.Cells()} | {r.AllReadySeconds:0.0} | {r.ProcessedPerSecond:0.0} | {r.Ready} | {r.Failed} |"));
        }

        text.AppendLine().AppendLine("### Time from the 202 to ready (open model, each photo polled)").AppendLine();
        text.AppendLine("| photos replicas | round | photos | p50 ms | p90 | p99 | max | not ready in time |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in runs)
        {
            text.AppendLine(Invariant($"| {r.Replicas} | {r.Round} | {r.TimeToReady.Count}/{r.ReadyPhotos} | {r.TimeToReady.Cells()} | {r.ReadyTimedOut} |"));
        }

        text.AppendLine().AppendLine("### Mean over rounds").AppendLine();
        text.AppendLine("| photos replicas | accepted/s | processed/s | time to ready p50 ms | p99 ms |");
        text.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var group in runs.GroupBy(r => r.Replicas))
        {
            text.AppendLine(Invariant($"| {group.Key} | {group.Average(r => r.AcceptedPerSecond):0.0} | {group.Average(r => r.ProcessedPerSecond):0.0} | {group.Average(r => r.TimeToReady.P50):0.0} | {group.Average(r => r.TimeToReady.P99):0.0} |"));
        }

        return text.ToString();
    }
}
