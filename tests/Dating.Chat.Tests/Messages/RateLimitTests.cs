using System.Net;
using Dating.Chat.Tests.Infrastructure;
using Dating.Testing;
using Dating.Chat.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dating.Chat.Tests.Messages;

/// <summary>
/// Two replicas allowing 5 messages per user per minute. The window is fixed to the clock's minute, so the
/// limiter's clock stands still (one clock for both replicas): a minute that ends mid-test would open a new window
/// and let the next message through (CI saw it once).
/// </summary>
public sealed class RateLimitedChatService(BackingServicesFixture backing) : ChatService(backing)
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override void Configure(IDictionary<string, string?> configuration)
    {
        configuration["Chat:RateLimit:PermitLimit"] = "5";
        configuration["Chat:RateLimit:Window"] = "00:01:00";
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<MessageRateLimiter>(sp, (TimeProvider)_clock));
}

public sealed class RateLimitTests(RateLimitedChatService chat) : IClassFixture<RateLimitedChatService>
{
    [Fact]
    public async Task The_per_user_limit_holds_across_replicas_and_answers_429_with_retry_after()
    {
        var aliceId = Guid.NewGuid();
        var onFirst = await chat.SignInAsync(aliceId, replica: 0);
        var onSecond = await chat.SignInAsync(aliceId, replica: 1);
        var bob = await chat.SignInAsync(Guid.NewGuid(), replica: 1);
        var matchId = await chat.MatchAsync(onFirst, bob);

        for (var i = 0; i < 5; i++)
        {
            await (i % 2 == 0 ? onFirst : onSecond).SendOkAsync(matchId, $"message {i}", clientMessageId: $"m{i}");
        }

        using var limited = await onSecond.SendAsync(matchId, "one too many");
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single());
        retryAfter.ShouldBeInRange(1, 60);

        await using var hub = await onFirst.ConnectAsync();
        (await Should.ThrowAsync<HubException>(() => hub.SendMessageAsync(matchId, "and another"))).Message.ShouldContain("Too many");

        // A retry of a stored message is not a new message: it is answered, not limited.
        (await onFirst.SendOkAsync(matchId, "message 0", clientMessageId: "m0")).Text.ShouldBe("message 0");

        // The limit is the sender's own: Bob still talks.
        await bob.SendOkAsync(matchId, "I can still talk");
        (await bob.GetMessagesOkAsync(matchId)).Count.ShouldBe(6);
    }
}
