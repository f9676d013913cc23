using Dating.AppHost.Processes;

namespace Dating.AppHost.Orchestration;

/// <summary>
/// One process of a service, supervised: started, awaited until healthy, and restarted with back-off
/// when it dies unexpectedly (reported at once with its last log lines).
/// </summary>
public sealed class ServiceReplica
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);

    private readonly StackOptions _options;
    private readonly Func<IReadOnlyDictionary<string, string?>> _environment;
    private readonly object _gate = new();
    private ManagedProcess? _process;
    private bool _stopRequested;
    private int _failuresInARow;

    internal ServiceReplica(ServiceDefinition service, int index, int port, StackOptions options, Func<IReadOnlyDictionary<string, string?>> environment)
    {
        Service = service;
        Index = index;
        Port = port;
        _options = options;
        _environment = environment;
    }

    public ServiceDefinition Service { get; }

    public int Index { get; }

    public int Port { get; }

    public string Name => $"{Service.Name}-{Index}";

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public ReplicaState State { get; private set; } = ReplicaState.NotStarted;

    public int? Pid => _process is { HasExited: false } p ? p.Pid : null;

    private PidFile? PidFile => _options.PidDirectory is null ? null : new PidFile(Path.Combine(_options.PidDirectory, $"{Name}.pid"));

    /// <summary>How many times the supervisor restarted this replica after an unexpected exit.</summary>
    public int Restarts { get; private set; }

    /// <summary>Starts the process and waits until its <c>/health</c> answers 200.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            _stopRequested = false;
        }

        State = ReplicaState.Starting;
        if (PidFile is { } pidFile)
        {
            await pidFile.StopLeftoverAsync(Service.AssemblyName, Signals.SigKill, message => _options.Log($"{Name}: {message}"));
        }

        var process = Launch();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.StartTimeout);
        try
        {
            while (!await HealthProbe.IsHealthyAsync(Url, timeout.Token))
            {
                if (process.HasExited)
                {
                    State = ReplicaState.Failed;
                    throw new StackConfigurationException($"{Name} exited with code {process.ExitCode} while starting:\n  {string.Join("\n  ", process.LastLines())}");
                }

                await Task.Delay(200, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            State = ReplicaState.Failed;
            await StopAsync();
            throw new StackConfigurationException(
                $"{Name} was not healthy within {_options.StartTimeout.TotalSeconds:0} s. Last output:\n  {string.Join("\n  ", process.LastLines())}");
        }

        State = ReplicaState.Running;
    }

    /// <summary>Graceful stop (SIGTERM); it is not restarted.</summary>
    public async Task StopAsync()
    {
        ManagedProcess? process;
        lock (_gate)
        {
            _stopRequested = true;
            process = _process;
        }

        if (process is not null)
        {
            await process.StopAsync(Signals.SigTerm, TimeSpan.FromSeconds(20));
            await process.DisposeAsync();
            PidFile?.Delete();
            _options.Log($"{Name} stopped");
        }

        State = ReplicaState.Stopped;
    }

    /// <summary>SIGKILL, as a crash: the supervisor reports it and restarts it when the stack restarts crashed replicas.</summary>
    public void Kill() => _process?.Kill();

    private ManagedProcess Launch()
    {
        var assembly = BuildOutput.AssemblyPath(Service);
        var spec = new ProcessSpec("dotnet", [assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly),
            Environment = _environment(),
            OwnSession = true,
        };
        var process = ManagedProcess.Start(spec, Path.Combine(_options.LogDirectory, $"{Name}.log"),
            _options.OnOutput is null ? null : line => _options.OnOutput(Name, line));
        lock (_gate)
        {
            _process = process;
        }

        PidFile?.Write(process.Pid);
        _ = SuperviseAsync(process, DateTime.UtcNow);
        return process;
    }

    private async Task SuperviseAsync(ManagedProcess process, DateTime startedAt)
    {
        await process.Exited;
        lock (_gate)
        {
            if (_stopRequested || !ReferenceEquals(process, _process))
            {
                return;
            }
        }

        _failuresInARow = DateTime.UtcNow - startedAt > StableAfter ? 1 : _failuresInARow + 1;
        _options.Log($"{Name} (pid {process.Pid}) exited unexpectedly with code {process.ExitCode}. Last output:\n  {string.Join("\n  ", process.LastLines().TakeLast(15))}");
        if (!_options.RestartCrashed)
        {
            State = ReplicaState.Failed;
            return;
        }

        State = ReplicaState.Restarting;
        var backoff = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, _failuresInARow - 1)));
        _options.Log($"{Name}: restarting in {backoff.TotalSeconds:0} s");
        await Task.Delay(backoff);
        lock (_gate)
        {
            if (_stopRequested)
            {
                return;
            }
        }

        try
        {
            Restarts++;
            await StartAsync(CancellationToken.None);
            _options.Log($"{Name} is back (pid {Pid})");
        }
        catch (StackConfigurationException e)
        {
            _options.Log(e.Message);
        }
    }
}
