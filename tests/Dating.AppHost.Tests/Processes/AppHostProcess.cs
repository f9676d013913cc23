using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Dating.AppHost.Hosting;
using Dating.Testing;

namespace Dating.AppHost.Tests.Processes;

/// <summary>
/// The app host as a user runs it: its own process (the build output `dotnet run --project AppHost` starts), in its
/// own process group with SIGINT at its default (a background job of a non-interactive shell would ignore it), with
/// the dashboard on free loopback ports. Collects its console output.
/// </summary>
internal sealed class AppHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppHostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static AppHostProcess Start(params string[] arguments) => Start(new Dictionary<string, string>(), arguments);

    /// <param name="environment">Variables to set for the app host (for example a PATH without the servers' programs).</param>
    public static AppHostProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var appHost = Path.Combine(AppContext.BaseDirectory, "Dating.AppHost.dll");
        // env resets SIGINT to its default for the app host; setsid gives it a process group of its own. Both by their
        // full paths, like dotnet itself, so that a test may give the app host a PATH of its own.
        var start = new ProcessStartInfo("/usr/bin/env", ["--default-signal=INT", "/usr/bin/setsid", Dotnet, appHost, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}";
        start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort()}";
        start.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort()}";
        start.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new AppHostProcess(Process.Start(start)!);
    }

    /// <summary>Waits until the console shows <paramref name="text"/>, or fails with what it shows.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        await Eventually.GetAsync(() => _process.HasExited, exited => exited || Output.Contains(text, StringComparison.Ordinal),
            $"the app host to print '{text}'", timeout);
        if (!Output.Contains(text, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The app host exited without printing '{text}'. Its output:\n{Output}");
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>
    /// Every process the app host started: its own descendants and those of the orchestrator (DCP detaches from the
    /// app host and watches it with <c>--monitor PID</c>), which runs the servers, the services and the dashboard.
    /// </summary>
    public IReadOnlyList<int> ProcessesOfOurs()
    {
        var parents = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Select(pid => (Pid: pid, Parent: ParentOf(pid), Command: CommandOf(pid)))
            .Where(p => p.Parent >= 0)
            .ToList();
        var roots = parents.Where(p => p.Pid == Pid || p.Command.Contains($"--monitor {Pid} ", StringComparison.Ordinal)).Select(p => p.Pid).ToHashSet();
        var ours = new HashSet<int>(roots);
        bool grew;
        do
        {
            grew = false;
            foreach (var p in parents.Where(p => !ours.Contains(p.Pid) && ours.Contains(p.Parent)))
            {
                grew |= ours.Add(p.Pid);
            }
        }
        while (grew);

        return [.. ours];
    }

    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static string Describe(IEnumerable<int> pids) => string.Join("; ", pids.Select(pid => $"{pid} {CommandOf(pid)}"));

    public void Signal(string signal) => ProcessSignal.Send(Pid, signal, "the app host");

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            ProcessSignal.TrySend(Pid, "KILL");
        }

        _process.Dispose();
    }

    // The dotnet that runs the tests, as `dotnet test` names it to its children, else the first on this PATH.
    private static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host
            ? host
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, "dotnet")).FirstOrDefault(File.Exists) ?? "dotnet";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    private static string CommandOf(int pid) => string.Join(' ', LocalProcesses.ArgumentsOf(pid));
}
