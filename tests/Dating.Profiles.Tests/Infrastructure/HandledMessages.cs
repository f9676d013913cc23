using System.Collections.Concurrent;
using Dating.Testing;
using MassTransit;

namespace Dating.Profiles.Tests.Infrastructure;

/// <summary>Watches a host's bus: how often each message (by id) went through its consumer, so a test knows when an event took effect.</summary>
public sealed class HandledMessages : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _handled = new();
    private readonly ConcurrentDictionary<Guid, Exception> _faults = new();

    public int TimesHandled(Guid messageId) => _handled.GetValueOrDefault(messageId);

    public Task WaitUntilHandledAsync(Guid messageId, int times) =>
        Eventually.UntilAsync(
            () => _faults.TryGetValue(messageId, out var fault)
                ? throw new ShouldAssertException($"The consumer failed on message {messageId}: {fault}")
                : TimesHandled(messageId) >= times,
            $"message {messageId} to be handled {times} time(s)");

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.MessageId is { } id)
        {
            _handled.AddOrUpdate(id, 1, (_, count) => count + 1);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class
    {
        if (context.MessageId is { } id)
        {
            _faults[id] = exception;
        }

        return Task.CompletedTask;
    }
}
