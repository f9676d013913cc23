using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Dating.Stacks;
using Dating.Testing;

namespace Dating.AppHost.Tests.Stacks;

/// <summary>
/// The settings a stack started from code gives its processes (a benchmark's variant): a plain name to every .NET
/// process, <c>process/NAME</c> to that process's replicas only. Read from the app host's model, built but not started.
/// </summary>
public sealed class StackEnvironmentTests
{
    [Fact]
    public async Task A_setting_named_for_one_process_reaches_its_replicas_only_and_wins_over_the_same_setting_for_all()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Dating_AppHost>(
            ["--isolated", "--spares", "1", "--replicas", "matching=2"], TestContext.Current.CancellationToken);

        AppHostStack.ApplyEnvironment(builder, new Dictionary<string, string>
        {
            ["gateway/DATING_TEST_A"] = "gateway",
            ["DATING_TEST_A"] = "all",
            ["matching/DATING_TEST_B"] = "matching",
        });

        var environments = new Dictionary<string, Dictionary<string, object>>();
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            environments[project.Name] = await EnvironmentOfAsync(project);
        }

        environments.Keys.ShouldContain("gateway");
        foreach (var (name, environment) in environments)
        {
            environment.GetValueOrDefault("DATING_TEST_A").ShouldBe(name == "gateway" ? "gateway" : "all", name);
            environment.GetValueOrDefault("DATING_TEST_B").ShouldBe(name.StartsWith("matching-", StringComparison.Ordinal) ? "matching" : null, name);
        }

        environments.Keys.Count(name => name.StartsWith("matching-", StringComparison.Ordinal)).ShouldBe(3);
    }

    [Fact]
    public async Task A_setting_for_a_process_the_stack_does_not_have_changes_nothing()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Dating_AppHost>(
            ["--isolated", "--topology", "monolith"], TestContext.Current.CancellationToken);

        AppHostStack.ApplyEnvironment(builder, new Dictionary<string, string> { ["gateway/DATING_TEST_A"] = "gateway" });

        var monolith = builder.Resources.OfType<ProjectResource>().ShouldHaveSingleItem();
        (await EnvironmentOfAsync(monolith)).Keys.ShouldNotContain("DATING_TEST_A");
    }

    private static Task<Dictionary<string, object>> EnvironmentOfAsync(ProjectResource project) =>
        ResourceEnvironment.OfAsync(project, DistributedApplicationOperation.Run);
}
