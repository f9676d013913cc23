using Microsoft.Extensions.Logging;

namespace Dating.Photos.Tests.Infrastructure;

/// <summary>Writes the hosts' warnings and errors where a failed run can be read afterwards.</summary>
public sealed class FileLoggerProvider : ILoggerProvider
{
    private static readonly object Gate = new();

    public static string FilePath { get; } = Path.Combine(Path.GetTempPath(), "dating-tests", "photos-hosts.log");

    public ILogger CreateLogger(string categoryName) => new FileLogger(categoryName);

    public void Dispose()
    {
    }

    private sealed class FileLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}";
            lock (Gate)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
                File.AppendAllText(FilePath, line + Environment.NewLine);
            }
        }
    }
}
