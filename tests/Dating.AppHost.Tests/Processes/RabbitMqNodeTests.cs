using System.Diagnostics;
using Dating.AppHost.Hosting;
using Dating.Testing;

namespace Dating.AppHost.Tests.Processes;

/// <summary>
/// An isolated stack kills its RabbitMQ node by the pid in the node's pid file, which a node killed earlier (a fault
/// test) leaves behind: only a process started with this node's home may be taken for the node.
/// </summary>
public sealed class RabbitMqNodeTests
{
    private readonly RabbitMqServerResource _node = new("rabbitmq", Path.Combine(Path.GetTempPath(), "dating-tests", "rabbitmq-node"), 5772, 15772);

    [Fact]
    public async Task A_process_started_with_the_node_s_home_is_the_node_and_another_or_a_gone_one_is_not()
    {
        // bash -c's extra arguments stay on its command line, as erl's -home does on the VM's.
        using var node = Process.Start("bash", ["-c", "sleep 60; exit 0", "beam", "-home", Path.Combine(_node.WorkingDirectory, "home")]);
        using var other = Process.Start("bash", ["-c", "sleep 60; exit 0", "beam", "-home", Path.Combine(_node.WorkingDirectory, "home-of-another")]);
        try
        {
            // Until it has exec'd bash, a child started from .NET shows this test host's command line (two commands: bash stays).
            foreach (var process in new[] { node, other })
            {
                await Eventually.UntilAsync(() => LocalProcesses.ArgumentsOf(process.Id).Contains("sleep 60; exit 0"), "bash to start");
            }

            _node.IsNode(node.Id).ShouldBeTrue();
            _node.IsNode(other.Id).ShouldBeFalse();
            _node.IsNode(Environment.ProcessId).ShouldBeFalse();

            node.Kill();
            await node.WaitForExitAsync(TestContext.Current.CancellationToken);
            _node.IsNode(node.Id).ShouldBeFalse();
        }
        finally
        {
            ProcessSignal.TrySend(node.Id, "KILL");
            ProcessSignal.TrySend(other.Id, "KILL");
        }
    }
}
