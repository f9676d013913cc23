namespace Dating.AppHost.Console;

/// <summary>Every resource's lines on one console, each with a coloured name prefix (no colour when redirected or NO_COLOR is set).</summary>
public sealed class ConsoleLog
{
    private static readonly string[] Palette = ["36", "33", "35", "32", "34", "96", "93", "95", "92", "94"];
    private readonly Dictionary<string, string> _colours = [];
    private readonly object _gate = new();
    private readonly bool _colour = !System.Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    public void Line(string resource, string line)
    {
        lock (_gate)
        {
            var width = Math.Max(12, resource.Length);
            var prefix = resource.PadRight(width);
            System.Console.Out.WriteLine(_colour ? $"\u001b[{ColourOf(resource)}m{prefix}\u001b[0m │ {line}" : $"{prefix} │ {line}");
        }
    }

    public void Info(string message) => Line("apphost", message);

    public void Write(string text)
    {
        lock (_gate)
        {
            System.Console.Out.Write(text);
        }
    }

    private string ColourOf(string resource)
    {
        if (resource == "apphost")
        {
            return "1";
        }

        if (!_colours.TryGetValue(resource, out var colour))
        {
            colour = Palette[_colours.Count % Palette.Length];
            _colours[resource] = colour;
        }

        return colour;
    }
}
