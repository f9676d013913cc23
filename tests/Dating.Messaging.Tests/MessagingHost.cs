using Dating.BuildingBlocks.Messaging;
using Dating.Messaging.Tests.Orders;
using Dating.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dating.Messaging.Tests;

/// <summary>
/// A real Generic Host wired like a service: the Orders "module" (DbContext, AddModuleMessaging) and the
/// host's one bus. Each host gets its own service name, hence its own queues on the shared RabbitMQ.
/// </summary>
internal sealed class MessagingHost(IHost host, string serviceName) : IAsyncDisposable
{
    /// <summary>Short, so that tests run fast; the defaults are for production.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);

    public const int RetryLimit = 2;

    public string ServiceName { get; } = serviceName;

    public IServiceProvider Services => host.Services;

    public DeliveryProbe Probe => Services.GetRequiredService<DeliveryProbe>();

    public static async Task<MessagingHost> StartAsync(
        BackingServicesFixture fixture,
        MessageBusTransport transport = MessageBusTransport.RabbitMq,
        string? serviceName = null,
        string? databaseConnectionString = null,
        Action<ModuleConsumers>? consumers = null,
        TimeSpan? sweepInterval = null)
    {
        var ct = TestContext.Current.CancellationToken;
        serviceName ??= $"msgtest-{Guid.NewGuid().ToString("N")[..8]}";
        databaseConnectionString ??= await fixture.CreateDatabaseAsync("messaging");

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:orders"] = databaseConnectionString,
            ["ConnectionStrings:rabbitmq"] = transport == MessageBusTransport.RabbitMq ? fixture.RabbitMqConnectionString : null,
            ["OTEL_SERVICE_NAME"] = serviceName,
            ["Messaging:SweepInterval"] = (sweepInterval ?? SweepInterval).ToString(),
            ["Messaging:PublishTimeout"] = "00:00:02",
            ["Messaging:RetryLimit"] = RetryLimit.ToString(),
            ["Messaging:RetryMinInterval"] = "00:00:00.050",
            ["Messaging:RetryMaxInterval"] = "00:00:00.200",
            ["Messaging:RetryIntervalDelta"] = "00:00:00.050",
        });
        builder.Logging.AddProvider(new FileLoggerProvider("messaging"));
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton<DeliveryProbe>();
        builder.Services.AddDbContext<OrdersDbContext>(options => UseOrdersDatabase(options, builder.Configuration.GetConnectionString("orders")));

        builder.AddModuleMessaging<OrdersDbContext>(consumers ?? (c => c
            .AddConsumer<OrderPlacedConsumer>()
            .AddConsumer<OrderPlacedObserver>()));
        builder.AddMessageBus(transport);

        // Tests publish right after start: wait until the queues are declared and bound.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().Database.EnsureCreatedAsync(ct);
        }

        await host.StartAsync(ct);
        return new MessagingHost(host, serviceName);
    }

    public async Task<T> WithDbAsync<T>(Func<OrdersDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<OrdersDbContext>());
    }

    public Task WithDbAsync(Func<OrdersDbContext, Task> action) =>
        WithDbAsync(async db =>
        {
            await action(db);
            return true;
        });

    /// <summary>
    /// Orders and their events saved together on a context without the host's interceptors: no commit signal wakes the
    /// host's dispatcher, so they wait for its next sweep (or for a round the test runs itself).
    /// </summary>
    public async Task PlaceOrdersUnsignalledAsync(IEnumerable<Guid> orderIds)
    {
        var options = new DbContextOptionsBuilder<OrdersDbContext>();
        UseOrdersDatabase(options, Services.GetRequiredService<IConfiguration>().GetConnectionString("orders"));
        await using var db = new OrdersDbContext(options.Options);
        foreach (var orderId in orderIds)
        {
            db.Orders.Add(new Order { Id = orderId, Item = "tulips" });
            db.AddIntegrationEvent(new OrderPlaced(orderId, "tulips"));
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The usual request path: a state change and its event, saved together.</summary>
    public Task<Guid> PlaceOrderAsync(string item = "roses") =>
        WithDbAsync(async db =>
        {
            var order = new Order { Id = Guid.NewGuid(), Item = item };
            db.Orders.Add(order);
            db.AddIntegrationEvent(new OrderPlaced(order.Id, order.Item));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return order.Id;
        });

    /// <summary>
    /// Commits a control event and waits until both consumers had it. The dispatcher publishes pending rows in commit
    /// order and a queue delivers in order, so whatever was published before it (a duplicate too) has arrived by then.
    /// </summary>
    public async Task<Guid> ControlEventHandledAsync()
    {
        var control = await PlaceOrderAsync();
        await Eventually.UntilAsync(
            async () => Probe.RawDeliveriesOf(control) > 0 && await DeliveriesOfAsync(control) > 0,
            "a later control event to be handled");
        return control;
    }

    public Task<int> DeliveriesOfAsync(Guid orderId) =>
        WithDbAsync(db => db.Deliveries.CountAsync(d => d.OrderId == orderId, TestContext.Current.CancellationToken));

    public Task<List<OutboxMessage>> OutboxAsync() =>
        WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));

    // The host's and PlaceOrdersUnsignalledAsync's contexts alike.
    private static void UseOrdersDatabase(DbContextOptionsBuilder options, string? connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(CancellationToken.None);
        host.Dispose();
    }
}
