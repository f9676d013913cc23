namespace Dating.AppHost.Processes;

/// <summary>What to run: a program, its arguments, working directory and extra environment.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// Runs in a session of its own, so a Ctrl+C in the terminal reaches only the AppHost, which then stops
    /// its servers in order (otherwise the terminal signals the whole process group at once).
    /// </summary>
    public bool OwnSession { get; init; }

    public override string ToString() => $"{FileName} {string.Join(' ', Arguments)}";
}
