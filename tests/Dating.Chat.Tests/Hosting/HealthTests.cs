using System.Net;
using Dating.Chat.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Chat.Tests.Hosting;

public sealed class HealthTests(ChatService chat) : IClassFixture<ChatService>
{
    [Fact]
    public async Task Every_replica_is_ready_with_its_database_redis_and_broker()
    {
        foreach (var host in chat.Hosts)
        {
            using var client = new HttpClient { BaseAddress = host.Address };
            using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);
            await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
    }
}
