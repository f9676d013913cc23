namespace Dating.Benchmarks.Load;

/// <summary>
/// Measures <see cref="ResourceUsage"/> from /proc while a scenario runs: CPU from the difference of utime + stime,
/// memory by sampling every process's proportional set size (PSS) every <see cref="SampleInterval"/>.
/// </summary>
public sealed class ResourceMeter : IAsyncDisposable
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(100);

    private readonly Func<IEnumerable<int>> _services;
    private readonly Func<IEnumerable<int>> _backing;
    private readonly Dictionary<int, TimeSpan> _cpuAtStart = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _servicePeak;
    private long _backingPeak;

    private ResourceMeter(Func<IEnumerable<int>> services, Func<IEnumerable<int>> backing)
    {
        _services = services;
        _backing = backing;
        foreach (var pid in ProcessTree.WithDescendants(services().Concat(backing())))
        {
            _cpuAtStart[pid] = ProcessCpu.Of([pid]);
        }

        Sample();
        _sampling = Task.Run(SampleLoopAsync);
    }

    /// <param name="services">The topology's processes (read again at each sample: replicas may die).</param>
    /// <param name="backing">The backing services' root processes.</param>
    public static ResourceMeter Start(Func<IEnumerable<int>> services, Func<IEnumerable<int>> backing) => new(services, backing);

    public async Task<ResourceUsage> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        Sample();
        return new ResourceUsage(CpuSince(_services()), _servicePeak / 1048576.0, CpuSince(_backing()), _backingPeak / 1048576.0);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private double CpuSince(IEnumerable<int> roots) =>
        ProcessTree.WithDescendants(roots).Sum(pid => (ProcessCpu.Of([pid]) - _cpuAtStart.GetValueOrDefault(pid)).TotalSeconds);

    private async Task SampleLoopAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(SampleInterval, _stop.Token);
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private void Sample()
    {
        var services = ProcessTree.WithDescendants(_services()).Sum(ProcessTree.ProportionalBytes);
        var backing = ProcessTree.WithDescendants(_backing()).Sum(ProcessTree.ProportionalBytes);
        _servicePeak = Math.Max(_servicePeak, services);
        _backingPeak = Math.Max(_backingPeak, backing);
    }
}
