using System.Xml.Linq;
using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;
using TestResult = NetArchTest.Rules.TestResult;

namespace Dating.Architecture.Tests;

/// <summary>
/// The rules, as functions of the types or references they judge, so that each one is also run against a
/// deliberately violating set (see <c>Violations/</c>) and shown to fail.
/// </summary>
internal static class BoundaryRules
{
    // What a module may use of the solution besides its own code; Dating.ServiceDefaults keeps Aspire's namespace.
    private static readonly string[] SharedAssemblies = ["Dating.Contracts", "Dating.ServiceDefaults"];
    private const string BuildingBlocksPrefix = "Dating.BuildingBlocks.";

    // Where data access, messaging and endpoint handlers live: in modules, never in a host.
    private static readonly string[] BusinessLogicDependencies =
    [
        "Microsoft.EntityFrameworkCore",
        "Npgsql",
        "MassTransit",
        "StackExchange.Redis",
        "Azure.Storage",
        "Microsoft.AspNetCore.Http.TypedResults",
        "Microsoft.AspNetCore.Http.HttpResults",
    ];

    // What writes to a database: saving, transactions and raw SQL, the outbox. Reading through a DbSet is not among them.
    private static readonly string[] DatabaseWrites =
    [
        "Microsoft.EntityFrameworkCore.DbContext",
        "Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade",
        "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions",
        "Microsoft.EntityFrameworkCore.ExecutionStrategyExtensions",
        "Dating.BuildingBlocks.Messaging.IntegrationEventDbContextExtensions",
    ];

    /// <summary>A module's types use no type of another module (by namespace: <c>Dating.Photos</c>, …).</summary>
    public static TestResult UseNoOtherModule(PredicateList moduleTypes, string module) =>
        moduleTypes.ShouldNot()
            .HaveDependencyOnAny([.. TheSolution.Modules.Keys.Where(m => m != module).Select(m => $"Dating.{m}")])
            .GetResult();

    /// <summary>
    /// The consumers among the types that live outside an <c>IntegrationEvents</c> namespace: a module keeps them there,
    /// whatever feature they serve. By reflection, since most implement <see cref="IConsumer"/> through a base class.
    /// </summary>
    public static IReadOnlyList<string> ConsumersOutsideIntegrationEvents(IEnumerable<Type> types) =>
        [.. types
            .Where(type => type is { IsAbstract: false } && type.IsAssignableTo(typeof(IConsumer)))
            .Where(type => type.Namespace?.EndsWith(".IntegrationEvents", StringComparison.Ordinal) != true)
            .Select(type => type.FullName!)
            .Order()];

    /// <summary>The solution's assemblies a module may reference: the contracts, the building blocks, the service defaults.</summary>
    public static IReadOnlyList<string> ForbiddenSolutionReferences(IEnumerable<string> referencedAssemblyNames) =>
        [.. referencedAssemblyNames
            .Where(name => name.StartsWith("Dating.", StringComparison.Ordinal))
            .Where(name => !SharedAssemblies.Contains(name) && !name.StartsWith(BuildingBlocksPrefix, StringComparison.Ordinal))
            .Distinct()
            .Order()];

    /// <summary>The assembly names of a project file's project references (<c>../Photos/Dating.Photos.csproj</c> → <c>Dating.Photos</c>).</summary>
    public static IEnumerable<string> ProjectReferencesOf(string projectFile) =>
        XDocument.Load(projectFile).Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')));

    /// <summary>A host composes modules and wires the process; it holds no DbContext, consumer, hub, data access or endpoint handler.</summary>
    public static TestResult HoldNoBusinessLogic(PredicateList hostTypes) =>
        hostTypes.Should()
            .NotInherit(typeof(DbContext))
            .And().NotImplementInterface(typeof(IConsumer))
            .And().NotInherit(typeof(Hub))
            .And().NotHaveDependencyOnAny(BusinessLogicDependencies)
            .GetResult();

    /// <summary>
    /// An endpoint class binds, checks the request's shape, calls a feature class (<c>Matchmaker</c>, <c>Registration</c>, …)
    /// and maps its result to HTTP: the feature class owns the write, its transaction and its events. By type, since a
    /// handler's body lives in its async state machine and lambdas.
    /// </summary>
    public static TestResult LeaveWritesToFeatures(PredicateList types) =>
        types.And().HaveNameEndingWith("Endpoints")
            .ShouldNot().HaveDependencyOnAny(DatabaseWrites)
            .GetResult();

    public static string Describe(TestResult result) =>
        result.IsSuccessful ? "no violation" : "violations: " + string.Join(", ", result.FailingTypeNames ?? []);
}
