using System.Diagnostics;
using Dating.AppHost.Processes;

namespace Dating.AppHost.BackingServices;

/// <summary>
/// One server run as a child process: prepared once, started, awaited until it really answers,
/// and stopped gracefully. It can be stopped and started again on the same port (fault tests).
/// </summary>
public abstract class BackingServer(string name, BackingServicesOptions options)
{
    private ManagedProcess? _process;

    public string Name { get; } = name;

    public abstract int Port { get; }

    public int? Pid => _process is { HasExited: false } p ? p.Pid : null;

    public bool IsRunning => _process is { HasExited: false };

    protected BackingServicesOptions Options { get; } = options;

    protected string DataDirectory => Path.Combine(Options.DataDirectory, Name);

    protected virtual TimeSpan StartTimeout => TimeSpan.FromSeconds(60);

    protected virtual int StopSignal => Signals.SigTerm;

    /// <summary>Part of the server's command line, to tell a leftover of ours from an unrelated process that reused its pid.</summary>
    protected virtual string ProcessSignature => Name;

    private PidFile PidFile => new(Path.Combine(Options.DataDirectory, $"{Name}.pid"));

    public async Task StartAsync(CancellationToken ct = default)
    {
        if (IsRunning)
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        await PidFile.StopLeftoverAsync(ProcessSignature, StopSignal, message => Options.Log($"{Name}: {message}"));
        if (BackingServicePorts.IsInUse(Port))
        {
            throw new BackingServiceException(
                $"{Name}: port {Port} on 127.0.0.1 is already in use (is another stack running?).");
        }

        Directory.CreateDirectory(DataDirectory);
        await PrepareAsync(ct);
        var spec = CreateProcessSpec() with { OwnSession = true };
        var logFile = Options.LogDirectory is null ? null : Path.Combine(Options.LogDirectory, $"{Name}.log");
        _process = ManagedProcess.Start(spec, logFile, Options.OnOutput is null ? null : line => Options.OnOutput(Name, line));
        PidFile.Write(_process.Pid);
        await WaitUntilReadyAsync(ct);
        await AfterStartAsync(ct);
        Options.Log($"{Name} ready on 127.0.0.1:{Port} (pid {_process.Pid}) in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        await _process.StopAsync(StopSignal, TimeSpan.FromSeconds(30));
        await _process.DisposeAsync();
        _process = null;
        PidFile.Delete();
        Options.Log($"{Name} stopped");
    }

    /// <summary>SIGKILL, for crash tests: no graceful shutdown.</summary>
    public void Kill() => _process?.Kill();

    protected abstract ProcessSpec CreateProcessSpec();

    protected abstract Task<bool> IsReadyAsync(CancellationToken ct);

    protected virtual Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;

    protected virtual Task AfterStartAsync(CancellationToken ct) => Task.CompletedTask;

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StartTimeout);
        while (true)
        {
            if (_process!.HasExited)
            {
                throw Failure($"exited with code {_process.ExitCode} while starting");
            }

            try
            {
                if (await IsReadyAsync(timeout.Token))
                {
                    return;
                }

                await Task.Delay(100, timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                _process.Kill();
                throw Failure($"did not answer within {StartTimeout.TotalSeconds:0} s");
            }
        }
    }

    private BackingServiceException Failure(string what) => new(
        $"{Name} {what}. Last output:\n  {string.Join("\n  ", _process?.LastLines() ?? [])}");
}
