using Dating.Architecture.Tests.Violations;

namespace Dating.Architecture.Tests;

/// <summary>Each rule, run against deliberately violating code in this test assembly, fails and names the culprit.</summary>
public sealed class RulesCanFailTests
{
    [Fact]
    public void The_module_rule_catches_a_type_that_calls_into_another_module()
    {
        var result = BoundaryRules.UseNoOtherModule(ViolatingTypes.Named(nameof(ReachesIntoPhotos)), module: "Profiles");

        result.IsSuccessful.ShouldBeFalse();
        result.FailingTypeNames.ShouldBe([typeof(ReachesIntoPhotos).FullName]);
    }

    [Fact]
    public void The_module_rule_lets_a_module_use_its_own_types()
    {
        BoundaryRules.UseNoOtherModule(ViolatingTypes.Named(nameof(ReachesIntoPhotos)), module: "Photos").IsSuccessful.ShouldBeTrue();
    }

    [Fact]
    public void The_reference_rule_catches_a_reference_to_another_module_or_a_host()
    {
        BoundaryRules.ForbiddenSolutionReferences(["Dating.Contracts", "Dating.BuildingBlocks.Messaging", "Dating.ServiceDefaults", "Dating.Photos", "Dating.Gateway", "MassTransit"])
            .ShouldBe(["Dating.Gateway", "Dating.Photos"]);
        // This test assembly references every module: as a module, it would break the rule.
        BoundaryRules.ForbiddenSolutionReferences(typeof(RulesCanFailTests).Assembly.GetReferencedAssemblies().Select(a => a.Name!))
            .ShouldContain("Dating.Photos");
    }

    [Fact]
    public void The_consumer_rule_catches_a_consumer_outside_IntegrationEvents()
    {
        BoundaryRules.ConsumersOutsideIntegrationEvents([typeof(HostConsumer), typeof(MisplacedConsumer), typeof(HostHub)])
            .ShouldBe([typeof(HostConsumer).FullName!, typeof(MisplacedConsumer).FullName!]);
    }

    [Theory]
    [InlineData(nameof(InlineTransactionEndpoints))]
    [InlineData(nameof(InlineSaveEndpoints))]
    public void The_endpoint_rule_catches_a_handler_that_writes_to_the_database_itself(string type)
    {
        var result = BoundaryRules.LeaveWritesToFeatures(ViolatingTypes.Named(type));

        result.IsSuccessful.ShouldBeFalse();
        result.FailingTypeNames.ShouldBe([$"{typeof(InlineSaveEndpoints).Namespace}.{type}"]);
    }

    [Theory]
    [InlineData(nameof(HostDbContext))]
    [InlineData(nameof(HostConsumer))]
    [InlineData(nameof(HostHub))]
    [InlineData(nameof(HostEndpoints))]
    [InlineData(nameof(HostRedisCache))]
    public void The_host_rule_catches_business_logic(string type)
    {
        var result = BoundaryRules.HoldNoBusinessLogic(ViolatingTypes.Named(type));

        result.IsSuccessful.ShouldBeFalse();
        result.FailingTypeNames.ShouldBe([$"{typeof(HostDbContext).Namespace}.{type}"]);
    }
}
