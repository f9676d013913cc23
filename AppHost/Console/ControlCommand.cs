namespace Dating.AppHost.Console;

/// <summary>One line typed into the running AppHost: <c>+matching</c>, <c>-matching</c>, <c>scale matching 3</c>, <c>status</c>, <c>help</c>.</summary>
public sealed record ControlCommand(ControlVerb Verb, string? Service = null, int Count = 0)
{
    /// <summary>The command, or null when the line is not one (the caller shows the help).</summary>
    public static ControlCommand? Parse(string line)
    {
        var words = line.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words switch
        {
            [] => null,
            ["status" or "ps"] => new ControlCommand(ControlVerb.Status),
            ["help" or "?"] => new ControlCommand(ControlVerb.Help),
            [['+', .. var service]] when service.Length > 0 => new ControlCommand(ControlVerb.Add, service),
            [['-', .. var service]] when service.Length > 0 => new ControlCommand(ControlVerb.Remove, service),
            ["add", var service] => new ControlCommand(ControlVerb.Add, service),
            ["remove", var service] => new ControlCommand(ControlVerb.Remove, service),
            ["scale", var service, var count] when int.TryParse(count, out var n) && n >= 1 => new ControlCommand(ControlVerb.Scale, service, n),
            _ => null,
        };
    }
}

public enum ControlVerb
{
    Status,
    Help,
    Add,
    Remove,
    Scale,
}
