namespace Dating.Testing;

/// <summary>Progress of the shared fixtures, written where a failing CI run can be read afterwards.</summary>
public static class TestLog
{
    private static readonly object Gate = new();

    public static string FilePath { get; } = Path.Combine(Path.GetTempPath(), "dating-tests", "fixture.log");

    public static void Write(string message)
    {
        var line = $"{DateTime.UtcNow:HH:mm:ss.fff} [{AppDomain.CurrentDomain.FriendlyName}] {message}";
        lock (Gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            File.AppendAllText(FilePath, line + Environment.NewLine);
        }
    }
}
