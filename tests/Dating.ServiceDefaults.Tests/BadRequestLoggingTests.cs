using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dating.ServiceDefaults.Tests;

public sealed class BadRequestLoggingTests
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_clients_malformed_json_is_answered_with_a_problem_and_not_logged_as_an_error(string environment)
    {
        var levels = new LevelRecorder();
        await using var app = await TestApp.StartAsync(builder => builder.Services.AddSingleton<ILoggerProvider>(levels), environment: environment);

        var response = await app.Client.PostAsync("/items", new StringContent("{\"name\": nope", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        levels.Entries.Where(e => e.Level >= LogLevel.Error).ShouldBeEmpty();
    }

    private sealed class LevelRecorder : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Recorder(LevelRecorder owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((logLevel, category, formatter(state, exception)));
        }
    }
}
