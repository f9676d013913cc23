using Dating.AppHost.Orchestration;
using Dating.Testing;

namespace Dating.AppHost.Tests.EndToEnd;

/// <summary>Every service as its own process behind the gateway, with two chat replicas (so the backplane is in play).</summary>
public sealed class JourneyStack(BackingServicesFixture backing) : IAsyncLifetime
{
    public DistributedStack Stack { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Stack = await TestStacks.StartAsync(backing, new Dictionary<string, int> { ["chat"] = 2 });

    public async ValueTask DisposeAsync() => await Stack.StopAsync();
}
