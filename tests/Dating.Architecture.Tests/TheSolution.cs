using System.Reflection;
using NetArchTest.Rules;

namespace Dating.Architecture.Tests;

/// <summary>The assemblies whose boundaries the rules hold: the four modules and the hosts that compose them.</summary>
internal static class TheSolution
{
    public static IReadOnlyDictionary<string, Assembly> Modules { get; } = new Dictionary<string, Assembly>
    {
        ["Profiles"] = typeof(Profiles.Extensions).Assembly,
        ["Photos"] = typeof(Photos.Extensions).Assembly,
        ["Matching"] = typeof(Matching.Extensions).Assembly,
        ["Chat"] = typeof(Chat.Extensions).Assembly,
    };

    public static IReadOnlyList<string> HostAssemblyNames { get; } =
        ["Dating.Profiles.Host", "Dating.Photos.Host", "Dating.Matching.Host", "Dating.Chat.Host", "Dating.Monolith"];

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
