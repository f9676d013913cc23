using System.Diagnostics;
using Dating.BuildingBlocks.Messaging;
using Dating.Messaging.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dating.Messaging.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void Modules_must_register_before_the_bus_is_added()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddMessageBus(MessageBusTransport.InProcess);

        Should.Throw<InvalidOperationException>(() => builder.AddModuleMessaging<OrdersDbContext>());
    }

    [Fact]
    public void A_process_has_one_bus()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddModuleMessaging<OrdersDbContext>();
        builder.AddMessageBus(MessageBusTransport.InProcess);

        Should.Throw<InvalidOperationException>(() => builder.AddMessageBus(MessageBusTransport.RabbitMq));
    }

    [Fact]
    public void The_bus_reports_no_usage_telemetry_to_its_vendor()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["ConnectionStrings:rabbitmq"] = "amqp://guest:guest@127.0.0.1:1/";
        builder.AddModuleMessaging<OrdersDbContext>();
        builder.AddMessageBus(MessageBusTransport.RabbitMq);

        using var services = builder.Services.BuildServiceProvider();
        services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled.ShouldBeFalse();
    }

    [Fact]
    public void An_event_without_a_wire_name_is_refused()
    {
        using var db = UnconnectedDb();

        Should.Throw<InvalidOperationException>(() => db.AddIntegrationEvent(new Unnamed(1)));
    }

    [Fact]
    public void An_event_remembers_the_trace_it_was_raised_in()
    {
        using var db = UnconnectedDb();
        using var request = new Activity("POST /api/orders").SetIdFormat(ActivityIdFormat.W3C).Start();

        db.AddIntegrationEvent(new OrderPlaced(Guid.NewGuid(), "roses"));

        var row = db.ChangeTracker.Entries<OutboxMessage>().ShouldHaveSingleItem().Entity;
        row.TraceParent.ShouldBe(request.Id);
        row.Type.ShouldBe("dating.test-order-placed.v1");
        row.Payload.ShouldContain("\"item\":\"roses\"");
    }

    [Fact]
    public void The_messaging_tables_are_created_in_the_modules_schema_with_snake_case_names()
    {
        using var db = UnconnectedDb();

        var script = db.Database.GenerateCreateScript();

        script.ShouldContain("CREATE TABLE orders.outbox_messages");
        script.ShouldContain("CREATE TABLE orders.inbox_messages");
        script.ShouldContain("CONSTRAINT pk_inbox_messages PRIMARY KEY (message_id, consumer)");
        script.ShouldContain("CREATE INDEX ix_outbox_messages_pending ON orders.outbox_messages (created_at, id) WHERE dispatched_at IS NULL");
        foreach (var column in new[] { "id uuid", "type character varying(200)", "payload jsonb", "trace_parent", "created_at", "dispatched_at", "attempts", "last_error" })
        {
            script.ShouldContain(column);
        }
    }

    // Building the model needs no server; the convention is the one the modules use.
    private static OrdersDbContext UnconnectedDb() =>
        new(new DbContextOptionsBuilder<OrdersDbContext>().UseNpgsql("Host=127.0.0.1;Port=1").UseSnakeCaseNamingConvention().Options);

    public sealed record Unnamed(int Value);
}
