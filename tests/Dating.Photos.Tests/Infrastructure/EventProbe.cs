using System.Collections.Concurrent;
using System.Reflection;
using Dating.Contracts;
using Dating.Contracts.Photos;
using Dating.Testing;
using MassTransit;

namespace Dating.Photos.Tests.Infrastructure;

/// <summary>A bus of the test's own on the real RabbitMQ, bound to the Photos events' exchanges.</summary>
public sealed class EventProbe : IAsyncDisposable
{
    private readonly ConcurrentQueue<object> _received = new();
    private IBusControl? _bus;

    public static async Task<EventProbe> StartAsync(string rabbitMqConnectionString)
    {
        var probe = new EventProbe();
        probe._bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(rabbitMqConnectionString));
            cfg.Message<PhotoReady>(m => m.SetEntityName(WireName<PhotoReady>()));
            cfg.Message<PhotoDeleted>(m => m.SetEntityName(WireName<PhotoDeleted>()));
            cfg.Message<PrimaryPhotoChanged>(m => m.SetEntityName(WireName<PrimaryPhotoChanged>()));
            cfg.ReceiveEndpoint($"photos-tests-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<PhotoReady>(context => probe.Add(context.Message));
                endpoint.Handler<PhotoDeleted>(context => probe.Add(context.Message));
                endpoint.Handler<PrimaryPhotoChanged>(context => probe.Add(context.Message));
            });
        });
        await probe._bus.StartAsync();
        return probe;
    }

    /// <summary>Everything of type <typeparamref name="T"/> received so far that matches.</summary>
    public List<T> All<T>(Func<T, bool> match) => [.. _received.OfType<T>().Where(match)];

    public async Task<T> WaitAsync<T>(Func<T, bool> match) =>
        (await Eventually.GetAsync(() => All(match), found => found.Count > 0, $"a matching {typeof(T).Name}"))[0];

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }
    }

    private static string WireName<T>() => typeof(T).GetCustomAttribute<IntegrationEventAttribute>()!.WireName;

    private Task Add(object message)
    {
        _received.Enqueue(message);
        return Task.CompletedTask;
    }
}
