namespace Dating.Benchmarks.Load;

/// <summary>
/// Measures <see cref="ResourceUsage"/> from /proc while a scenario runs: CPU from the difference of utime + stime,
/// memory by sampling every process's proportional set size (PSS) every <see cref="SampleInterval"/>; per service,
/// the CPU of each of its threads, grouped by what the thread does (<see cref="ThreadKinds"/>).
/// </summary>
public sealed class ResourceMeter : IAsyncDisposable
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(100);

    private readonly Func<IEnumerable<MeteredProcess>> _processes;
    private readonly Func<IEnumerable<int>> _services;
    private readonly Func<IEnumerable<int>> _backing;
    private readonly Dictionary<int, TimeSpan> _cpuAtStart = [];
    private readonly Dictionary<int, IReadOnlyDictionary<int, (string Name, long Ticks)>> _threadsAtStart = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _servicePeak;
    private long _backingPeak;

    private ResourceMeter(Func<IEnumerable<MeteredProcess>> processes, Func<IEnumerable<int>> backing)
    {
        _processes = processes;
        _services = () => processes().Select(p => p.Pid);
        _backing = backing;
        foreach (var process in processes().Where(p => p.Pid > 0).DistinctBy(p => p.Pid))
        {
            _threadsAtStart[process.Pid] = ThreadCpuSnapshot.Of(process.Pid);
        }

        foreach (var pid in ProcessTree.WithDescendants(_services().Concat(backing())))
        {
            _cpuAtStart[pid] = ProcessCpu.Of([pid]);
        }

        Sample();
        _sampling = Task.Run(SampleLoopAsync);
    }

    /// <param name="processes">The topology's processes (read again at each sample: replicas may die).</param>
    /// <param name="backing">The backing services' root processes.</param>
    public static ResourceMeter Start(Func<IEnumerable<MeteredProcess>> processes, Func<IEnumerable<int>> backing) => new(processes, backing);

    public async Task<ResourceUsage> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        Sample();
        var processes = PerProcess();
        return new ResourceUsage(CpuSince(_services()), _servicePeak / 1048576.0, CpuSince(_backing()), _backingPeak / 1048576.0, processes);
    }

    private List<ProcessUsage> PerProcess()
    {
        var threads = _processes().Where(p => p.Pid > 0).DistinctBy(p => p.Pid)
            .ToDictionary(p => p.Pid, p => (p.Name, Threads: ThreadCpuSnapshot.Of(p.Pid), Process: ThreadCpuSnapshot.ProcessName(p.Pid)));
        return
        [
            .. threads.GroupBy(t => t.Value.Name).Select(service => new ProcessUsage(
                service.Key,
                CpuSince(service.Select(p => p.Key)),
                [
                    .. service
                        .SelectMany(p => p.Value.Threads.Select(t => (
                            Kind: ThreadKinds.Of(t.Value.Name, p.Value.Process),
                            Ticks: t.Value.Ticks - (_threadsAtStart.GetValueOrDefault(p.Key)?.GetValueOrDefault(t.Key) is { } start && start.Name == t.Value.Name ? start.Ticks : 0))))
                        .GroupBy(t => t.Kind)
                        .Select(kind => new ThreadCpu(kind.Key, kind.Sum(t => t.Ticks) / ProcessCpu.TicksPerSecond))
                        .Where(t => t.CpuSeconds > 0)
                        .OrderByDescending(t => t.CpuSeconds),
                ])),
        ];
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
