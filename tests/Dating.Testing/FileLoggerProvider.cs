using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dating.Testing;

/// <summary>
/// Writes the test hosts' warnings and errors where a failed run can be read afterwards:
/// <c>dating-tests/&lt;name&gt;-hosts.log</c> in the temp folder; a test can also wait for a line in <see cref="Lines"/>.
/// </summary>
public sealed class FileLoggerProvider(string name) : ILoggerProvider
{
    private static readonly Lock Gate = new();

    private readonly ConcurrentQueue<string> _lines = new();

    public string FilePath { get; } = InFolder(Path.Combine(Path.GetTempPath(), "dating-tests"), $"{name}-hosts.log");

    /// <summary>What this provider's loggers wrote, in order.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
    }

    // Once per provider, not once per line.
    private static string InFolder(string folder, string file)
    {
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, file);
    }

    private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}";
            provider._lines.Enqueue(line);
            lock (Gate)
            {
                File.AppendAllText(provider.FilePath, line + Environment.NewLine);
            }
        }
    }
}
