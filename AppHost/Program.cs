using System.Runtime.InteropServices;
using Dating.AppHost.BackingServices;
using Dating.AppHost.Console;
using Dating.AppHost.Orchestration;

var console = new ConsoleLog();
CommandLineOptions command;
try
{
    command = CommandLineOptions.Parse(args);
}
catch (StackConfigurationException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (command.Help)
{
    Console.WriteLine(CommandLineOptions.Usage);
    return 0;
}

using var stopping = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

var options = new StackOptions
{
    Topology = command.Topology,
    Replicas = command.Replicas,
    Fresh = command.Fresh,
    FixedPorts = true,
    LogDirectory = RepositoryPaths.Logs,
    PidDirectory = Path.Combine(RepositoryPaths.Local, "run"),
    Log = console.Info,
    OnOutput = console.Line,
};

DistributedStack stack;
try
{
    console.Info($"starting the {command.Topology.ToString().ToLowerInvariant()} stack; logs in {RepositoryPaths.Logs}");
    stack = await DistributedStack.StartAsync(options, stopping.Token);
}
catch (Exception e) when (e is StackConfigurationException or BackingServiceException or OperationCanceledException)
{
    Console.Error.WriteLine(e is OperationCanceledException ? "Interrupted while starting; everything started was stopped." : e.Message);
    return 1;
}

console.Write(Environment.NewLine + ResourceTable.Render(stack.Resources()) + Environment.NewLine);
console.Info($"public API: {stack.PublicUrl.ToString().TrimEnd('/')}  (docs: {stack.PublicUrl}docs) — press Ctrl+C to stop");
console.Info("type +NAME / -NAME to add or remove a replica (e.g. +matching), `scale NAME N`, `status`, `help`");
_ = ControlCommands.StartAsync(stack, console, stopping.Token);

try
{
    await Task.Delay(Timeout.Infinite, stopping.Token);
}
catch (OperationCanceledException)
{
    console.Info("stopping…");
}

await stack.StopAsync();
console.Info("everything stopped");
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}
