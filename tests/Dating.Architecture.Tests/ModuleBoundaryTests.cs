using MassTransit;

namespace Dating.Architecture.Tests;

public sealed class ModuleBoundaryTests
{
    [Theory]
    [MemberData(nameof(TheSolution.ModuleNames), MemberType = typeof(TheSolution))]
    public void A_module_uses_no_type_of_another_module(string module)
    {
        var result = BoundaryRules.UseNoOtherModule(TheSolution.AllTypesOf(TheSolution.Modules[module]), module);

        result.IsSuccessful.ShouldBeTrue(BoundaryRules.Describe(result));
    }

    [Theory]
    [MemberData(nameof(TheSolution.ModuleNames), MemberType = typeof(TheSolution))]
    public void A_module_keeps_its_consumers_in_IntegrationEvents(string module)
    {
        var types = TheSolution.Modules[module].GetTypes();

        // Every module consumes events: finding none would mean the rule looks at nothing.
        types.ShouldContain(type => type.IsAssignableTo(typeof(IConsumer)));
        BoundaryRules.ConsumersOutsideIntegrationEvents(types).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TheSolution.ModuleNames), MemberType = typeof(TheSolution))]
    public void Endpoints_leave_database_writes_to_feature_classes(string module)
    {
        // Every module maps endpoints: finding none would mean the rule looks at nothing.
        TheSolution.Modules[module].GetTypes().ShouldContain(type => type.Name.EndsWith("Endpoints", StringComparison.Ordinal));

        var result = BoundaryRules.LeaveWritesToFeatures(TheSolution.AllTypesOf(TheSolution.Modules[module]));

        result.IsSuccessful.ShouldBeTrue(BoundaryRules.Describe(result));
    }

    [Theory]
    [MemberData(nameof(TheSolution.ModuleNames), MemberType = typeof(TheSolution))]
    public void A_module_references_only_the_contracts_the_building_blocks_and_the_service_defaults(string module)
    {
        var assembly = TheSolution.Modules[module];
        var project = Path.Combine(TheSolution.Root, "src", module, $"Dating.{module}.csproj");

        BoundaryRules.ForbiddenSolutionReferences(assembly.GetReferencedAssemblies().Select(a => a.Name!)).ShouldBeEmpty();
        BoundaryRules.ForbiddenSolutionReferences(BoundaryRules.ProjectReferencesOf(project)).ShouldBeEmpty();
        BoundaryRules.ProjectReferencesOf(project).ShouldContain("Dating.Contracts", "a module shares events only through the contracts");
    }

    [Theory]
    [MemberData(nameof(TheSolution.HostNames), MemberType = typeof(TheSolution))]
    public void A_host_holds_no_business_logic(string host)
    {
        var result = BoundaryRules.HoldNoBusinessLogic(TheSolution.AllTypesOf(TheSolution.Host(host)));

        result.IsSuccessful.ShouldBeTrue(BoundaryRules.Describe(result));
    }

    [Fact]
    public void The_monolith_composes_every_module()
    {
        var referenced = TheSolution.Host("Dating.Monolith").GetReferencedAssemblies().Select(a => a.Name).ToList();

        TheSolution.Modules.Values.Select(a => a.GetName().Name).ShouldBeSubsetOf(referenced);
    }
}
