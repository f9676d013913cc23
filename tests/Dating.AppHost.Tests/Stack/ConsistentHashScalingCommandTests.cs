using Dating.AppHost.Console;

namespace Dating.AppHost.Tests.Stack;

// The console commands that scale a running stack (the tests above scale it through the same DistributedStack API).
public sealed class ConsistentHashScalingCommandTests
{
    [Theory]
    [InlineData("+matching", ControlVerb.Add, "matching", 0)]
    [InlineData("add chat", ControlVerb.Add, "chat", 0)]
    [InlineData(" -Matching ", ControlVerb.Remove, "matching", 0)]
    [InlineData("remove chat", ControlVerb.Remove, "chat", 0)]
    [InlineData("scale matching 3", ControlVerb.Scale, "matching", 3)]
    [InlineData("status", ControlVerb.Status, null, 0)]
    [InlineData("help", ControlVerb.Help, null, 0)]
    public void A_typed_line_becomes_a_scaling_command(string line, ControlVerb verb, string? service, int count)
    {
        ControlCommand.Parse(line).ShouldBe(new ControlCommand(verb, service, count));
    }

    [Theory]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("scale matching")]
    [InlineData("scale matching 0")]
    [InlineData("scale matching many")]
    [InlineData("restart everything")]
    public void Anything_else_is_not_a_command(string line)
    {
        ControlCommand.Parse(line).ShouldBeNull();
    }
}
