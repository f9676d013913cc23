using NetArchTest.Rules;

namespace Dating.Architecture.Tests.Violations;

/// <summary>Code that breaks the rules on purpose: each rule must fail on it.</summary>
internal static class ViolatingTypes
{
    public static PredicateList Named(string name) =>
        Types.InAssembly(typeof(ViolatingTypes).Assembly)
            .That().ResideInNamespace(typeof(ViolatingTypes).Namespace)
            .And().HaveName(name);
}
