using ScottPlot;

namespace Dating.Benchmarks.Comparison;

/// <summary>PNG charts beside the report (ScottPlot): grouped bars, one colour per topology.</summary>
public static class ComparisonCharts
{
    private const int Width = 1300, Height = 560;

    /// <summary>The longest line of a group's label (<see cref="Wrap"/>): at this width nine groups' labels do not touch.</summary>
    private const int LabelLine = 14;

    /// <returns>Each chart's file name (relative to <paramref name="folder"/>) and title.</returns>
    public static IReadOnlyList<(string File, string Title)> Write(ComparisonResult result, string folder)
    {
        var summaries = ScenarioSummary.Of(result.Runs);
        var charts = new List<(string, string)>();
        var speed = ScenarioNames.All.Where(s => result.Topologies.Any(t => Find(summaries, t, 1, s) is not null)).ToList();

        charts.Add(Bars(folder, "latency-p99.png", "p99 latency per scenario (1 replica)", "ms",
            [.. speed.Select(Short)], result.Topologies, (t, i) => Find(summaries, t, 1, speed[i])?.Latency.P99 ?? 0));
        charts.Add(Bars(folder, "latency-p50.png", "p50 latency per scenario (1 replica)", "ms",
            [.. speed.Select(Short)], result.Topologies, (t, i) => Find(summaries, t, 1, speed[i])?.Latency.P50 ?? 0));
        charts.Add(Bars(folder, "cpu-per-operation.png", "CPU of the topology's processes per operation", "CPU ms per operation",
            [.. speed.Select(Short)], result.Topologies, (t, i) => Find(summaries, t, 1, speed[i])?.ServiceCpuMsPerOperation ?? 0));
        charts.Add(Bars(folder, "scaling.png", "Mixed session, max throughput: scaling up (1 CPU → all) and out (1 replica → 2)", "sessions per second",
            [.. ScalingStep.All.Select(step => step.Title)],
            result.Topologies, (t, i) => Find(summaries, ScalingStep.All[i].Label(t), ScalingStep.All[i].Replicas, ScenarioNames.SessionMax)?.Throughput ?? 0));
        if (result.Faults.Count > 0)
        {
            var steps = ComparisonScenarios.Steps;
            charts.Add(Bars(folder, "fault.png", "Chat killed: error rate of each session step after the kill", "% of steps failed",
                [.. steps], result.Topologies, (t, i) => result.Faults.FirstOrDefault(f => f.Topology == t && f.Step == steps[i])?.ErrorRateAfter * 100 ?? 0));
        }

        return charts;
    }

    private static (string File, string Title) Bars(string folder, string file, string title, string yLabel,
        IReadOnlyList<string> groups, IReadOnlyList<string> series, Func<string, int, double> value)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var ticks = new List<Tick>();
        var bars = new List<Bar>();
        for (var g = 0; g < groups.Count; g++)
        {
            var center = g * (series.Count + 1) + (series.Count - 1) / 2.0;
            ticks.Add(new Tick(center, Wrap(groups[g])));
            for (var s = 0; s < series.Count; s++)
            {
                var v = value(series[s], g);
                bars.Add(new Bar
                {
                    Position = g * (series.Count + 1) + s,
                    Value = v,
                    FillColor = palette.GetColor(s),
                    Label = v.ToString(v >= 100 ? "0" : "0.0", System.Globalization.CultureInfo.InvariantCulture),
                });
            }
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 11;
        for (var s = 0; s < series.Count; s++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s], FillColor = palette.GetColor(s) });
        }

        // Below the chart, outside the data: inside it the legend hid the tallest bars and their values.
        plot.ShowLegend(Edge.Bottom);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.SavePng(Path.Combine(folder, file), Width, Height);
        return (file, title);
    }

    private static string Short(string scenario) => scenario.Split(" (")[0];

    /// <summary>A group's label on lines of at most <see cref="LabelLine"/> characters, so that neighbours do not overlap.</summary>
    public static string Wrap(string label)
    {
        var lines = new List<string>();
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lines.Count > 0 && lines[^1].Length + 1 + word.Length <= LabelLine)
            {
                lines[^1] += " " + word;
            }
            else
            {
                lines.Add(word);
            }
        }

        return string.Join('\n', lines);
    }

    private static ScenarioSummary? Find(IReadOnlyList<ScenarioSummary> summaries, string topology, int replicas, string scenario) =>
        summaries.FirstOrDefault(s => s.Topology == topology && s.Replicas == replicas && s.Scenario == scenario);
}
