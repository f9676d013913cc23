using System.Reflection;
using Dating.BuildingBlocks.Modules;
using NetArchTest.Rules;

namespace Dating.Architecture.Tests;

/// <summary>The assemblies whose boundaries the rules hold: the catalog's modules and the hosts that compose them.</summary>
internal static class TheSolution
{
    /// <summary>Every module of the catalog by its title (Profiles, …), which is also its namespace's and folder's.</summary>
    public static IReadOnlyDictionary<string, Assembly> Modules { get; } =
        ModuleCatalog.All.ToDictionary(module => module.Title, module => Assembly.Load(new AssemblyName(module.Project)));

    public static IReadOnlyList<string> HostAssemblyNames { get; } = [.. ModuleCatalog.All.Select(module => module.HostProject), "Dating.Monolith"];

    public static TheoryData<string> ModuleNames => [.. Modules.Keys];

    public static TheoryData<string> HostNames => [.. HostAssemblyNames];

    public static Assembly Host(string name) => Assembly.Load(new AssemblyName(name));

    /// <summary>Every type of an assembly (the pattern matches any namespace, the global one too).</summary>
    public static PredicateList AllTypesOf(Assembly assembly) => Types.InAssembly(assembly).That().ResideInNamespaceMatching(".*");

    /// <summary>The repository root, found from the test's output folder.</summary>
    public static string Root { get; } = FindRoot(AppContext.BaseDirectory);

    private static string FindRoot(string directory) =>
        File.Exists(Path.Combine(directory, "Dating.sln"))
            ? directory
            : FindRoot(Directory.GetParent(directory)?.FullName ?? throw new InvalidOperationException("Dating.sln not found above the test output."));
}
