using Dating.BuildingBlocks.Messaging;
using Dating.Chat.Conversations;
using Dating.Chat.Messages;
using Microsoft.EntityFrameworkCore;

namespace Dating.Chat.Data;

internal sealed class ChatDbContext(DbContextOptions<ChatDbContext> options) : DbContext(options)
{
    /// <summary>Every table of this module lives here (hand-written SQL names it too).</summary>
    public const string Schema = "chat";

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<ReadMarker> ReadMarkers => Set<ReadMarker>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ChatDbContext).Assembly);
        modelBuilder.AddMessagingTables();
    }
}
