using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Dating.Stacks;
using Microsoft.Extensions.Configuration;

namespace Dating.AppHost.Tests.Stacks;

/// <summary>
/// How a stack's projects run, read from the app host's model, built but not started: each project resource starts its
/// built app directly, what <c>dotnet run</c> would start (no <c>dotnet run</c> process beside it), and a stack whose
/// projects run from another checkout (a benchmark's revision variant) starts the app built at the same path under that
/// checkout, the rest of the model unchanged.
/// </summary>
public sealed class StackProjectsRootTests : IDisposable
{
    private readonly string _other = Directory.CreateTempSubdirectory("dating-projects-root-").FullName;

    [Fact]
    public async Task Every_project_starts_its_built_app_from_its_folder_without_dotnet_run()
    {
        await using var builder = await AppHostAsync("microservices", "matching=2");
        var checkout = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));

        AppHostStack.ConfigureProjects(builder, Start());

        var projects = ProjectsOf(builder);
        projects.Keys.ShouldContain("gateway");
        projects.Keys.ShouldContain("matching-1");
        foreach (var resource in builder.Resources.OfType<ProjectResource>())
        {
            var project = projects[resource.Name];
            project.ShouldStartWith(checkout + Path.DirectorySeparatorChar);
            var executable = resource.Annotations.OfType<ExecutableAnnotation>().ShouldHaveSingleItem(resource.Name);
            // The SDK's RunCommand for these projects: the app host executable beside the assembly, built with the app host.
            Path.GetFileName(executable.Command).ShouldBe(Path.GetFileNameWithoutExtension(project) + (OperatingSystem.IsWindows() ? ".exe" : ""), resource.Name);
            File.Exists(executable.Command).ShouldBeTrue(executable.Command);
            executable.Command.ShouldContain($"{Path.DirectorySeparatorChar}{Configuration}{Path.DirectorySeparatorChar}", Case.Sensitive, resource.Name);
            executable.WorkingDirectory.ShouldBe(Path.GetDirectoryName(project), resource.Name);
            (await ArgumentsOfAsync(resource)).ShouldNotContain("run", resource.Name);
        }
    }

    [Fact]
    public async Task Under_an_ides_debug_session_the_ide_launches_the_projects_as_aspire_has_it()
    {
        // An IDE runs the app host with DEBUG_SESSION_PORT set and launches (and debugs) each project itself.
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Dating_AppHost>(
            ["--isolated", "--topology", "microservices"],
            (_, host) => (host.Configuration ??= new()).AddInMemoryCollection(new Dictionary<string, string?> { ["DEBUG_SESSION_PORT"] = "localhost:1" }),
            TestContext.Current.CancellationToken);

        var projects = builder.Resources.OfType<ProjectResource>().ToList();
        projects.ShouldNotBeEmpty();
        projects.ShouldAllBe(project => !project.Annotations.OfType<ExecutableAnnotation>().Any());
    }

    [Theory]
    [InlineData("microservices", "matching=2", "gateway")]
    [InlineData("monolith", "monolith=2", "monolith-1")]
    public async Task With_another_checkout_every_project_starts_the_app_built_at_the_same_path_under_it(string topology, string replicas, string project)
    {
        await using var builder = await AppHostAsync(topology, replicas);
        var checkout = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var projects = ProjectsOf(builder);
        var built = builder.Resources.OfType<ProjectResource>().ToDictionary(r => r.Name, r => r.Annotations.OfType<ExecutableAnnotation>().Single().Command);
        foreach (var app in built.Values)
        {
            var copy = Path.Combine(_other, Path.GetRelativePath(checkout, app));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            await File.WriteAllTextAsync(copy, "", TestContext.Current.CancellationToken);
        }

        AppHostStack.ConfigureProjects(builder, Start() with { ProjectsRoot = _other });

        ProjectsOf(builder).ShouldBe(projects);
        projects.Keys.ShouldContain(project);
        foreach (var resource in builder.Resources.OfType<ProjectResource>())
        {
            var executable = resource.Annotations.OfType<ExecutableAnnotation>().ShouldHaveSingleItem(resource.Name);
            executable.Command.ShouldBe(Path.Combine(_other, Path.GetRelativePath(checkout, built[resource.Name])), resource.Name);
            executable.WorkingDirectory.ShouldBe(Path.GetDirectoryName(Path.Combine(_other, Path.GetRelativePath(checkout, projects[resource.Name]))), resource.Name);
            (await ArgumentsOfAsync(resource)).ShouldNotContain("run", resource.Name);
        }
    }

    [Fact]
    public async Task A_checkout_without_one_of_the_built_apps_is_an_error_that_names_it()
    {
        await using var builder = await AppHostAsync("microservices", "matching=2");

        var error = Should.Throw<FileNotFoundException>(() => AppHostStack.ConfigureProjects(builder, Start() with { ProjectsRoot = _other }));

        error.Message.ShouldContain(_other);
        error.Message.ShouldContain("has not built");
    }

    public void Dispose() => Directory.Delete(_other, recursive: true);

    // This test assembly's configuration is the app host's: they are built together.
    private static string Configuration =>
        typeof(StackProjectsRootTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;

    // A spare replica too: declared, started later by the dashboard's Start, from the same build.
    private static Task<IDistributedApplicationTestingBuilder> AppHostAsync(string topology, string replicas) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.Dating_AppHost>(
            ["--isolated", "--topology", topology, "--replicas", replicas, "--spares", "1"], TestContext.Current.CancellationToken);

    private static StackStart Start() => new([], Path.GetTempPath(), _ => { });

    private static Dictionary<string, string> ProjectsOf(IDistributedApplicationBuilder builder) =>
        builder.Resources.OfType<ProjectResource>().ToDictionary(p => p.Name, p => p.Annotations.OfType<IProjectMetadata>().Single().ProjectPath);

    private static async Task<List<object>> ArgumentsOfAsync(ProjectResource project)
    {
        var arguments = new List<object>();
        var context = new CommandLineArgsCallbackContext(arguments, project);
        foreach (var callback in project.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return arguments;
    }
}
