using System.Diagnostics;

namespace Dating.AppHost.Processes;

/// <summary>
/// A child process whose pid we keep, whose output goes line by line to a log file and a callback,
/// and which we stop ourselves (this machine's init does not reap orphans).
/// </summary>
public sealed class ManagedProcess : IAsyncDisposable
{
    private const int RememberedLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly StreamWriter? _log;
    private readonly Action<string>? _onLine;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ManagedProcess(Process process, StreamWriter? log, Action<string>? onLine)
    {
        _process = process;
        _log = log;
        _onLine = onLine;
    }

    public int Pid { get; private set; }

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Completes when the process has exited and its output has been read to the end.</summary>
    public Task Exited => _exited.Task;

    public int? ExitCode => HasExited ? _process.ExitCode : null;

    public static ManagedProcess Start(ProcessSpec spec, string? logFile = null, Action<string>? onLine = null)
    {
        // setsid execs in place (a forked child is never a group leader), so the pid we hold stays the program's.
        var useSetsid = spec.OwnSession && CommandRunner.FindOnPath("setsid") is not null;
        var info = new ProcessStartInfo(useSetsid ? "setsid" : spec.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        if (useSetsid)
        {
            info.ArgumentList.Add(spec.FileName);
        }

        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Environment)
        {
            info.Environment[name] = value;
        }

        StreamWriter? log = null;
        if (logFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
            log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var managed = new ManagedProcess(process, log, onLine);
        process.OutputDataReceived += (_, e) => managed.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => managed.OnOutput(e.Data);
        try
        {
            process.Start();
        }
        catch
        {
            log?.Dispose();
            throw;
        }

        managed.Pid = process.Id;
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = managed.WaitForExitAsync();
        return managed;
    }

    public IReadOnlyList<string> LastLines()
    {
        lock (_lastLines)
        {
            return [.. _lastLines];
        }
    }

    /// <summary>Asks the process to stop with a signal; kills its whole tree if it has not exited in time.</summary>
    public async Task StopAsync(int signal = Signals.SigTerm, TimeSpan? grace = null, int? signalPid = null)
    {
        if (HasExited)
        {
            return;
        }

        Signals.Send(signalPid ?? Pid, signal);
        using var timeout = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(15));
        try
        {
            await Exited.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await Exited.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>SIGKILL to the process and every descendant: for crash tests and last resorts.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        _log?.Dispose();
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > RememberedLines)
            {
                _lastLines.Dequeue();
            }

            try
            {
                _log?.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // Output after dispose is dropped.
            }
        }

        _onLine?.Invoke(line);
    }

    private async Task WaitForExitAsync()
    {
        // WaitForExitAsync also waits for the redirected output to reach its end.
        await _process.WaitForExitAsync();
        _exited.TrySetResult();
    }
}
