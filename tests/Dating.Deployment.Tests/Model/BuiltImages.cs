using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace Dating.Deployment.Tests.Model;

/// <summary>What a host's build makes: its image reference, and whether its runtime uses server GC and tiered PGO (build/Runtime.targets).</summary>
public sealed record BuiltHost(string Image, bool ServerGarbageCollection, bool TieredPgo);

/// <summary>
/// The image each service's project publishes with <c>dotnet publish -t:PublishContainer</c>, read from the project's
/// own properties (build/Containers.targets) by MSBuild, so a manifest is held to what the build really makes.
/// </summary>
public static class BuiltImages
{
    /// <summary>Every service of both app host topologies, by name, as its project builds it.</summary>
    public static Task<IReadOnlyDictionary<string, BuiltHost>> Hosts { get; } = ReadAsync();

    /// <summary>Image reference by service name (declared after <see cref="Hosts"/>, which it reads).</summary>
    public static Task<IReadOnlyDictionary<string, string>> ByService { get; } = ImagesAsync();

    private static async Task<IReadOnlyDictionary<string, string>> ImagesAsync() =>
        (await Hosts).ToDictionary(host => host.Key, host => host.Value.Image);

    private static async Task<IReadOnlyDictionary<string, BuiltHost>> ReadAsync()
    {
        var services = (await AppHostSystem.Microservices).Concat(await AppHostSystem.Monolith).DistinctBy(s => s.Name);
        var hosts = new Dictionary<string, BuiltHost>();
        foreach (var service in services)
        {
            hosts[service.Name] = await HostOfAsync(service.ProjectPath);
        }

        return hosts;
    }

    /// <summary>The dotnet that runs this test host, for builds of the repository's projects.</summary>
    internal static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>
    /// The environment such a build needs: the test host may run inside an MSBuild of its own (dotnet test), whose
    /// paths a nested build must not inherit.
    /// </summary>
    internal static IReadOnlyDictionary<string, string?> OutsideTestBuild => new Dictionary<string, string?>
    {
        ["MSBuildExtensionsPath"] = null, ["MSBUILD_EXE_PATH"] = null, ["MSBuildSDKsPath"] = null,
    };

    private static async Task<BuiltHost> HostOfAsync(string project)
    {
        var result = await Cli.Wrap(Dotnet)
            .WithArguments(["msbuild", project, "-getProperty:ContainerRegistry", "-getProperty:ContainerRepository", "-getProperty:ContainerImageTag", "-getProperty:ServerGarbageCollection", "-getProperty:TieredPGO"])
            .WithEnvironmentVariables(OutsideTestBuild.ToDictionary())
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"dotnet msbuild {project} failed ({result.ExitCode}): {result.StandardOutput}{result.StandardError}");
        }

        var properties = JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("Properties");
        string Property(string name) => properties.GetProperty(name).GetString() ?? "";
        var repository = Property("ContainerRepository");
        if (repository.Length == 0)
        {
            throw new InvalidOperationException($"{project} builds no container image (no ContainerRepository).");
        }

        var registry = Property("ContainerRegistry");
        return new BuiltHost(
            $"{(registry.Length > 0 ? registry + "/" : "")}{repository}:{Property("ContainerImageTag")}",
            string.Equals(Property("ServerGarbageCollection"), "true", StringComparison.OrdinalIgnoreCase),
            // Unset means the runtime's default, which is on.
            !string.Equals(Property("TieredPGO"), "false", StringComparison.OrdinalIgnoreCase));
    }
}
