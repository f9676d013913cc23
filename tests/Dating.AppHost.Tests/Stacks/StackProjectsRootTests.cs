using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Dating.Stacks;

namespace Dating.AppHost.Tests.Stacks;

/// <summary>
/// A stack whose projects run from another checkout (a benchmark's revision variant): each project resource runs
/// <c>dotnet run --no-build</c> on the project at the same path under that checkout, the rest of the model stays. Read from
/// the app host's model, built but not started.
/// </summary>
public sealed class StackProjectsRootTests : IDisposable
{
    private readonly string _other = Directory.CreateTempSubdirectory("dating-projects-root-").FullName;

    [Theory]
    [InlineData("microservices", "matching=2", "gateway")]
    [InlineData("monolith", "monolith=2", "monolith-1")]
    public async Task With_another_checkout_every_project_runs_from_the_same_path_under_it_without_a_build(string topology, string replicas, string project)
    {
        await using var builder = await AppHostAsync(topology, replicas);
        var checkout = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var projects = ProjectsOf(builder);
        foreach (var path in projects.Values)
        {
            var copy = Path.Combine(_other, Path.GetRelativePath(checkout, path));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            await File.WriteAllTextAsync(copy, "", TestContext.Current.CancellationToken);
        }

        AppHostStack.ConfigureProjects(builder, Start() with { ProjectsRoot = _other });

        ProjectsOf(builder).ShouldBe(projects);
        projects.Keys.ShouldContain(project);
        foreach (var resource in builder.Resources.OfType<ProjectResource>())
        {
            var path = Path.Combine(_other, Path.GetRelativePath(checkout, projects[resource.Name]));
            var executable = resource.Annotations.OfType<ExecutableAnnotation>().ShouldHaveSingleItem(resource.Name);
            executable.Command.ShouldBe("dotnet");
            executable.WorkingDirectory.ShouldBe(Path.GetDirectoryName(path));
            (await ArgumentsOfAsync(resource)).Take(6).ShouldBe(["run", "--project", path, "--no-build", "--configuration", Configuration], resource.Name);
        }
    }

    [Fact]
    public async Task Without_another_checkout_every_project_runs_as_aspire_runs_it()
    {
        await using var builder = await AppHostAsync("microservices", "matching=2");
        var checkout = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));

        AppHostStack.ConfigureProjects(builder, Start());

        ProjectsOf(builder).Values.ShouldAllBe(path => path.StartsWith(checkout + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        foreach (var resource in builder.Resources.OfType<ProjectResource>())
        {
            resource.Annotations.OfType<ExecutableAnnotation>().ShouldBeEmpty(resource.Name);
            (await ArgumentsOfAsync(resource)).ShouldNotContain("--project", resource.Name);
        }
    }

    [Fact]
    public async Task A_checkout_without_one_of_the_projects_is_an_error_that_names_it()
    {
        await using var builder = await AppHostAsync("microservices", "matching=2");

        var error = Should.Throw<FileNotFoundException>(() => AppHostStack.ConfigureProjects(builder, Start() with { ProjectsRoot = _other }));

        error.Message.ShouldContain(_other);
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
