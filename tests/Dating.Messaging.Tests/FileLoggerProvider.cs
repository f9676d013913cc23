using Microsoft.Extensions.Logging;

namespace Dating.Messaging.Tests;

/// <summary>Warnings of the test hosts, appended where a failing run can be read afterwards.</summary>
internal sealed class FileLoggerProvider(string serviceName) : ILoggerProvider
{
    private static readonly Lock Gate = new();

    public static string FilePath { get; } = Path.Combine(Path.GetTempPath(), "dating-tests", "messaging-hosts.log");

    public ILogger CreateLogger(string categoryName) => new FileLogger(serviceName, categoryName);

    public void Dispose()
    {
    }

    private sealed class FileLogger(string serviceName, string category) : ILogger
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

            var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} [{serviceName}] {category}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}";
            lock (Gate)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
                File.AppendAllText(FilePath, line + Environment.NewLine);
            }
        }
    }
}
