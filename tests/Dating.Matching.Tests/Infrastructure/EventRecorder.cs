using System.Collections.Concurrent;
using System.Reflection;
using Dating.Contracts;
using Dating.Contracts.Matching;
using Dating.Testing;
using MassTransit;

namespace Dating.Matching.Tests.Infrastructure;

/// <summary>What Matching really published on RabbitMQ, read by a bus of the test's own.</summary>
public sealed class EventRecorder : IAsyncDisposable
{
    private readonly ConcurrentQueue<object> _received = new();
    private readonly IBusControl _bus;

    private EventRecorder(string rabbitMq)
    {
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(rabbitMq));
            cfg.Message<MatchCreated>(m => m.SetEntityName(WireName<MatchCreated>()));
            cfg.Message<MatchEnded>(m => m.SetEntityName(WireName<MatchEnded>()));
            cfg.Message<UserBlocked>(m => m.SetEntityName(WireName<UserBlocked>()));
            cfg.ReceiveEndpoint($"matching-tests-recorder-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<MatchCreated>(Record);
                endpoint.Handler<MatchEnded>(Record);
                endpoint.Handler<UserBlocked>(Record);
            });
        });
    }

    public static async Task<EventRecorder> StartAsync(string rabbitMq)
    {
        var recorder = new EventRecorder(rabbitMq);
        await recorder._bus.StartAsync();
        return recorder;
    }

    public IReadOnlyList<T> All<T>(Func<T, bool> match) => [.. _received.OfType<T>().Where(match)];

    public async Task<T> WaitForAsync<T>(Func<T, bool> match) => (await WaitForAsync(match, 1))[0];

    /// <summary>Waits until at least <paramref name="count"/> matching events arrived, and returns them all.</summary>
    public Task<IReadOnlyList<T>> WaitForAsync<T>(Func<T, bool> match, int count) =>
        Eventually.GetAsync(() => All(match), found => found.Count >= count, $"{count} {typeof(T).Name} event(s)");

    public ValueTask DisposeAsync() => new(_bus.StopAsync());

    private Task Record<T>(ConsumeContext<T> context)
        where T : class
    {
        _received.Enqueue(context.Message);
        return Task.CompletedTask;
    }

    private static string WireName<T>() => typeof(T).GetCustomAttribute<IntegrationEventAttribute>()!.WireName;
}
