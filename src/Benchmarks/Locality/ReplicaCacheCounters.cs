using System.Globalization;

namespace Dating.Benchmarks.Locality;

/// <summary>One matching replica's card cache counters, read from its own Prometheus endpoint (not through the gateway).</summary>
public sealed record ReplicaCacheCounters(long Hits, long Misses)
{
    public const string HitsMetric = "dating_matching_card_cache_hits_total";
    public const string MissesMetric = "dating_matching_card_cache_misses_total";

    public long Lookups => Hits + Misses;

    public double HitRate => Lookups == 0 ? 0 : (double)Hits / Lookups;

    public static ReplicaCacheCounters operator -(ReplicaCacheCounters after, ReplicaCacheCounters before) =>
        new(after.Hits - before.Hits, after.Misses - before.Misses);

    public static async Task<ReplicaCacheCounters> ReadAsync(HttpClient http, Uri replica, CancellationToken ct)
    {
        var text = await http.GetStringAsync(new Uri(replica, "/metrics"), ct);
        return new ReplicaCacheCounters(Sum(text, HitsMetric), Sum(text, MissesMetric));
    }

    /// <summary>
    /// The sum over a counter's series in the text format (<c>name{labels} value [timestamp]</c>), of the series that
    /// carry every one of <paramref name="labels"/> (such as <c>served_by="standby"</c>); 0 before its first increment.
    /// </summary>
    public static long Sum(string prometheusText, string metric, params string[] labels)
    {
        long total = 0;
        foreach (var line in prometheusText.Split('\n'))
        {
            if (!line.StartsWith(metric, StringComparison.Ordinal) || line.Length == metric.Length || line[metric.Length] is not ('{' or ' ')
                || !labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            {
                continue;
            }

            var afterLabels = line[metric.Length] == '{' ? line[(line.LastIndexOf('}') + 1)..] : line[metric.Length..];
            var value = afterLabels.Trim().Split(' ')[0];
            total += (long)double.Parse(value, CultureInfo.InvariantCulture);
        }

        return total;
    }
}
