using Dating.AppHost.Orchestration;

namespace Dating.AppHost.Console;

/// <summary>Reads commands from the AppHost's console while the stack runs, and scales replicas on demand.</summary>
public static class ControlCommands
{
    public const string Help = """
        commands (type one and press Enter):
          +NAME  or  add NAME        start one more replica of a service (e.g. +matching)
          -NAME  or  remove NAME     stop its highest-numbered replica (never the last one)
          scale NAME N               add or remove replicas until there are N
          status                     the table of resources
        """;

    /// <summary>Reads lines on a thread of its own (console reads block) until the input ends or the stack stops.</summary>
    public static Task StartAsync(DistributedStack stack, ConsoleLog console, CancellationToken ct) =>
        Task.Run(async () =>
        {
            while (!ct.IsCancellationRequested && System.Console.In.ReadLine() is { } line)
            {
                if (ControlCommand.Parse(line) is not { } command)
                {
                    if (!string.IsNullOrWhiteSpace(line))
                    {
                        console.Write(Help);
                    }

                    continue;
                }

                try
                {
                    await ExecuteAsync(stack, console, command, ct);
                }
                catch (StackConfigurationException e)
                {
                    console.Info(e.Message);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
            }
        }, CancellationToken.None);

    public static async Task ExecuteAsync(DistributedStack stack, ConsoleLog console, ControlCommand command, CancellationToken ct)
    {
        switch (command.Verb)
        {
            case ControlVerb.Add:
                console.Info($"adding a replica of {command.Service}…");
                await stack.AddReplicaAsync(command.Service!, ct);
                break;
            case ControlVerb.Remove:
                console.Info($"removing a replica of {command.Service}…");
                await stack.RemoveReplicaAsync(command.Service!, ct);
                break;
            case ControlVerb.Scale:
                while (stack.ReplicasOf(command.Service!).Count() < command.Count)
                {
                    await stack.AddReplicaAsync(command.Service!, ct);
                }

                while (stack.ReplicasOf(command.Service!).Count() > command.Count)
                {
                    await stack.RemoveReplicaAsync(command.Service!, ct);
                }

                break;
            case ControlVerb.Help:
                console.Write(Help);
                return;
        }

        console.Write(Environment.NewLine + ResourceTable.Render(stack.Resources()) + Environment.NewLine);
    }
}
