namespace Dating.AppHost.Processes;

/// <summary>What to run: a program, its arguments, working directory and extra environment.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public override string ToString() => $"{FileName} {string.Join(' ', Arguments)}";
}
