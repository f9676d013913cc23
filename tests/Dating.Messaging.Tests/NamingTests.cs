using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Profiles;
using MassTransit;

namespace Dating.Messaging.Tests;

public sealed class NamingTests
{
    private readonly IntegrationEventEntityNameFormatter _formatter = new(new FallbackFormatter());

    [Fact]
    public void An_exchange_is_named_after_the_events_versioned_wire_name() =>
        _formatter.FormatEntityName<ProfileCreated>().ShouldBe("dating.profile-created.v1");

    [Fact]
    public void Faults_of_an_event_get_a_versioned_name_too() =>
        _formatter.FormatEntityName<Fault<ProfileDeleted>>().ShouldBe("dating.profile-deleted.v1.fault");

    [Fact]
    public void Other_messages_keep_the_library_name() =>
        _formatter.FormatEntityName<NotAnEvent>().ShouldBe("fallback:NotAnEvent");

    [Fact]
    public void A_consumer_queue_is_the_service_name_then_the_consumer_in_kebab_case() =>
        EndpointNames.ForConsumer("matching", typeof(ProfileCreatedConsumer)).ShouldBe("matching-profile-created");

    [Theory]
    [InlineData("matching", "matching", 1, "matching")]
    [InlineData("monolith", "photos", 4, "monolith-photos")]
    [InlineData(null, "photos", 4, "photos")]
    [InlineData("", "chat", 1, "chat")]
    public void Queues_of_a_process_hosting_several_modules_carry_the_module_after_the_service(string? service, string module, int modules, string owner) =>
        EndpointNames.Owner(service, module, modules).ShouldBe(owner);

    [Fact]
    public void A_module_is_named_after_its_DbContext() =>
        EndpointNames.ForModule(typeof(ProfilesDbContext)).ShouldBe("profiles");

    [Fact]
    public void A_wire_name_resolves_to_its_type() =>
        IntegrationEventCatalog.Resolve("dating.profile-updated.v1").ShouldBe(typeof(ProfileUpdated));

    public sealed record NotAnEvent;

    private sealed class ProfileCreatedConsumer;

    private sealed class ProfilesDbContext;

    private sealed class FallbackFormatter : IEntityNameFormatter
    {
        public string FormatEntityName<T>() => $"fallback:{typeof(T).Name}";
    }
}
