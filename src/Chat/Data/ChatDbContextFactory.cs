using Dating.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dating.Chat.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a running host or database.</summary>
internal sealed class ChatDbContextFactory : IDesignTimeDbContextFactory<ChatDbContext>
{
    public ChatDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ChatDbContext>();
        options.UseModuleDatabase("Host=127.0.0.1;Database=chat;Username=postgres", ChatDbContext.Schema);
        return new ChatDbContext(options.Options);
    }
}
