using Dating.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Dating.Messaging.Tests.Orders;

/// <summary>A module's DbContext in miniature: its own schema, its tables and the messaging tables.</summary>
public sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : DbContext(options)
{
    public const string Schema = "orders";

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddMessagingTables();
    }
}
