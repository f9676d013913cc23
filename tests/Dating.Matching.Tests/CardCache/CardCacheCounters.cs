using System.Diagnostics.Metrics;
using Dating.Matching.CardCache;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Matching.Tests.CardCache;

/// <summary>
/// The card cache's hit and miss counters of ONE host: its meters come from its own meter factory, so the
/// other hosts running in this test process do not move them.
/// </summary>
internal sealed class CardCacheCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _hits;
    private long _misses;

    public CardCacheCounters(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CardCacheMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == CardCacheMetrics.HitsName)
            {
                Interlocked.Add(ref _hits, value);
            }
            else if (instrument.Name == CardCacheMetrics.MissesName)
            {
                Interlocked.Add(ref _misses, value);
            }
        });
        _listener.Start();
    }

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public void Dispose() => _listener.Dispose();
}
