using Dating.BuildingBlocks.Modules;

namespace Dating.Architecture.Tests;

/// <summary>The catalog is the one list of the modules: nothing else names them, and it agrees with their own code.</summary>
public sealed class ModuleCatalogTests
{
    // Where a module's name, prefix or port may appear outside the catalog and the modules, and why.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        // The tool's verbs are its command line: a benchmark per module is named like it, and keeps its name.
        ["src/Benchmarks/BenchmarkVerbs.cs"] = ["\"profiles\"", "\"photos\"", "\"matching\"", "\"chat\""],
        // Endpoints a client calls whose path is the prefix itself: the photo upload and the chat hub.
        ["src/Benchmarks/Scenarios/Photos/PhotoUpload.cs"] = ["\"/api/photos\""],
        ["src/Benchmarks/Scenarios/Chat/ChatSetup.cs"] = ["\"/hubs/chat\""],
        // The account routes every host limits per client address.
        ["src/BuildingBlocks/Sessions/AuthRateLimiting.cs"] = ["\"/api/auth\""],
    };

    [Fact]
    public void Nothing_outside_the_catalog_and_the_modules_names_a_module()
    {
        var sources = ProductionSources().ToList();
        var findings = sources.SelectMany(file => ModuleListings.In(file, File.ReadAllText(Path.Combine(TheSolution.Root, file)))).ToList();

        sources.ShouldContain("src/Gateway/Routing/GatewayRoutes.cs");
        sources.ShouldNotContain(file => file.StartsWith("src/Profiles/", StringComparison.Ordinal));
        findings.Where(finding => !Allowed.GetValueOrDefault(finding.File, []).Contains(finding.Literal)).Select(finding => finding.ToString())
            .ShouldBeEmpty("read ModuleCatalog instead (Dating.BuildingBlocks.Modules)");
        // An exception that is no longer needed goes.
        findings.Select(finding => $"{finding.File} {finding.Literal}").Distinct()
            .ShouldBe(Allowed.SelectMany(entry => entry.Value.Select(literal => $"{entry.Key} {literal}")), ignoreOrder: true);
    }

    [Fact]
    public void The_listing_rule_catches_a_list_of_modules_and_no_mere_endpoint_or_comment()
    {
        const string file = "tests/Dating.Architecture.Tests/Violations/ListsTheModules.cs";

        var findings = ModuleListings.In(file, File.ReadAllText(Path.Combine(TheSolution.Root, file))).Select(f => $"{f.Line} {f.Literal}");

        findings.ShouldBe(["9 \"profiles\"", "9 \"Photos\"", "11 \"api/matching\"", "13 5140"]);
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void The_catalog_agrees_with_the_module_s_own_code(string name)
    {
        var module = ModuleCatalog.Named(name).ShouldNotBeNull();
        var source = string.Join('\n', SourcesUnder(ProjectFolder(module.Project)).Select(file => File.ReadAllText(Path.Combine(TheSolution.Root, file))));

        source.ShouldContain($"AddModuleDatabase<{module.Title}DbContext>(\"{module.Database}\"", Case.Sensitive);
        module.RoutePrefixes.ShouldAllBe(prefix => source.Contains($"\"{prefix}\"", StringComparison.Ordinal));
        File.Exists(Path.Combine(TheSolution.Root, ProjectFolder(module.HostProject), $"{module.HostProject}.csproj")).ShouldBeTrue();
    }

    public static TheoryData<string> ModuleNames => [.. ModuleCatalog.All.Select(module => module.Name)];

    // Every C# file of the code that runs, relative to the root, but the catalog's and each module's (its library and its host).
    private static IEnumerable<string> ProductionSources()
    {
        string[] own = [ProjectFolder("Dating.BuildingBlocks.Modules"), .. ModuleCatalog.All.SelectMany(m => (string[])[ProjectFolder(m.Project), ProjectFolder(m.HostProject)])];
        return new[] { "src", "AppHost", "ServiceDefaults" }
            .SelectMany(SourcesUnder)
            .Where(file => !own.Any(folder => file.StartsWith(folder + "/", StringComparison.Ordinal)));
    }

    private static IEnumerable<string> SourcesUnder(string folder) =>
        Directory.EnumerateFiles(Path.Combine(TheSolution.Root, folder), "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TheSolution.Root, path).Replace('\\', '/'))
            .Where(file => !file.Split('/').Any(part => part is "bin" or "obj" or "node_modules" or "Migrations"));

    // src/Profiles for Dating.Profiles, src/BuildingBlocks/Modules for Dating.BuildingBlocks.Modules.
    private static string ProjectFolder(string project) =>
        Path.GetRelativePath(TheSolution.Root, Path.GetDirectoryName(
            Directory.EnumerateFiles(Path.Combine(TheSolution.Root, "src"), $"{project}.csproj", SearchOption.AllDirectories).Single())!).Replace('\\', '/');
}
