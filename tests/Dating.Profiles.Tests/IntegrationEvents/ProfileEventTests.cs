using System.Reflection;
using System.Threading.Channels;
using Dating.Contracts;
using Dating.Contracts.Profiles;
using Dating.Profiles.Tests.Infrastructure;
using MassTransit;

namespace Dating.Profiles.Tests.IntegrationEvents;

/// <summary>Events leave through the outbox and really arrive on RabbitMQ, read by a bus of the test's own.</summary>
public sealed class ProfileEventTests(ProfilesServiceFixture service) : IClassFixture<ProfilesServiceFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly Channel<object> _received = Channel.CreateUnbounded<object>();
    private IBusControl _bus = null!;

    public async ValueTask InitializeAsync()
    {
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(service.Backing.RabbitMqConnectionString));
            cfg.Message<ProfileCreated>(m => m.SetEntityName(WireName<ProfileCreated>()));
            cfg.Message<ProfileUpdated>(m => m.SetEntityName(WireName<ProfileUpdated>()));
            cfg.Message<ProfileDeleted>(m => m.SetEntityName(WireName<ProfileDeleted>()));
            cfg.ReceiveEndpoint($"profiles-tests-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<ProfileCreated>(context => _received.Writer.WriteAsync(context.Message).AsTask());
                endpoint.Handler<ProfileUpdated>(context => _received.Writer.WriteAsync(context.Message).AsTask());
                endpoint.Handler<ProfileDeleted>(context => _received.Writer.WriteAsync(context.Message).AsTask());
            });
        });
        await _bus.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();

    [Fact]
    public async Task Register_publishes_ProfileCreated_with_the_profile_data()
    {
        using var client = service.CreateClient();
        var body = Registration.Valid();

        var session = await client.RegisterAsync(body);

        var created = await ReceiveAsync<ProfileCreated>(e => e.UserId == session.UserId);
        created.DisplayName.ShouldBe("Alex");
        created.BirthDate.ToString("yyyy-MM-dd").ShouldBe((string)body["birthDate"]!);
        created.Gender.ShouldBe(Gender.Woman);
        created.InterestedIn.ShouldBe([Gender.Man, Gender.Nonbinary]);
        created.Location.ShouldBe(new GeoLocation(52.52, 13.405));
        created.AgeRange.ShouldBe(new AgeRange(18, 120));
        created.MaxDistanceKm.ShouldBe(50);
        created.Bio.ShouldBe("Climbing, coffee and long walks.");
    }

    [Fact]
    public async Task Update_and_delete_publish_ProfileUpdated_and_ProfileDeleted()
    {
        using var client = service.CreateClient();
        var session = await client.RegisterAsync();

        using var put = await client.SendAsync(HttpMethod.Put, "/api/profiles/me", session.Token, new
        {
            displayName = "Kim",
            gender = "man",
            interestedIn = new[] { "woman", "man" },
            ageRange = new { min = 30, max = 45 },
            maxDistanceKm = 120,
            location = new { latitude = -33.87, longitude = 151.21 },
            interests = new[] { "surfing" },
        });
        put.EnsureSuccessStatusCode();
        var updated = await ReceiveAsync<ProfileUpdated>(e => e.UserId == session.UserId);

        updated.DisplayName.ShouldBe("Kim");
        updated.InterestedIn.ShouldBe([Gender.Man, Gender.Woman], ignoreOrder: true);
        updated.AgeRange.ShouldBe(new AgeRange(30, 45));
        updated.Location.ShouldBe(new GeoLocation(-33.87, 151.21));
        updated.Interests.ShouldBe(["surfing"]);

        using var delete = await client.SendAsync(HttpMethod.Delete, "/api/profiles/me", session.Token);
        delete.EnsureSuccessStatusCode();
        (await ReceiveAsync<ProfileDeleted>(e => e.UserId == session.UserId)).UserId.ShouldBe(session.UserId);
    }

    private async Task<T> ReceiveAsync<T>(Func<T, bool> match)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await foreach (var message in _received.Reader.ReadAllAsync(timeout.Token))
            {
                if (message is T typed && match(typed))
                {
                    return typed;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new ShouldAssertException($"No {typeof(T).Name} arrived within {Patience.TotalSeconds} s.");
    }

    private static string WireName<T>() => typeof(T).GetCustomAttribute<IntegrationEventAttribute>()!.WireName;
}
