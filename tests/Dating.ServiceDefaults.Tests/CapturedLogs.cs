using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dating.ServiceDefaults.Tests;

// Records each log message with the RequestId of its logging scopes.
internal sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<(string Message, string? RequestId)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private string? RequestIdInScope()
    {
        string? requestId = null;
        scopes.ForEachScope((scope, _) =>
        {
            if (scope is IEnumerable<KeyValuePair<string, object>> values
                && values.FirstOrDefault(pair => pair.Key == "RequestId").Value is string value)
            {
                requestId = value;
            }
        }, (object?)null);
        return requestId;
    }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((formatter(state, exception), owner.RequestIdInScope()));
    }
}
