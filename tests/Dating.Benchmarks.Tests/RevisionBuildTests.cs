using Dating.Benchmarks.Reports;
using Dating.Benchmarks.Stacks;

namespace Dating.Benchmarks.Tests;

/// <summary>
/// A revision variant's code (<c>--variant before:@REV</c>): the revision looked up in this repository, its tree exported
/// outside it, an export built before used again. Nothing here builds a revision: that takes minutes.
/// </summary>
public sealed class RevisionBuildTests : IDisposable
{
    private readonly string _exports = Directory.CreateTempSubdirectory("dating-revisions-").FullName;

    [Fact]
    public async Task A_revision_is_its_full_commit_and_an_unknown_one_is_an_error_that_names_it()
    {
        var ct = TestContext.Current.CancellationToken;

        var head = await RevisionBuild.ResolveAsync(ReportFile.RepositoryRoot, "HEAD", ct);

        head.ShouldMatch("^[0-9a-f]{40}$");
        (await RevisionBuild.ResolveAsync(ReportFile.RepositoryRoot, head[..12], ct)).ShouldBe(head);
        var unknown = await Should.ThrowAsync<RevisionException>(() => RevisionBuild.ResolveAsync(ReportFile.RepositoryRoot, "no-such-revision", ct));
        unknown.Message.ShouldContain("@no-such-revision is not a commit");
    }

    [Fact]
    public async Task An_export_holds_the_commit_s_tracked_files_and_nothing_built()
    {
        var ct = TestContext.Current.CancellationToken;
        var head = await RevisionBuild.ResolveAsync(ReportFile.RepositoryRoot, "HEAD", ct);
        var folder = Path.Combine(_exports, head);

        await RevisionBuild.ExportAsync(ReportFile.RepositoryRoot, head, folder, ct);

        File.Exists(Path.Combine(folder, "Dating.sln")).ShouldBeTrue();
        File.Exists(Path.Combine(folder, "AppHost", "Dating.AppHost.csproj")).ShouldBeTrue();
        Directory.Exists(Path.Combine(folder, ".git")).ShouldBeFalse();
        Directory.Exists(Path.Combine(folder, "AppHost", "bin")).ShouldBeFalse();
    }

    [Fact]
    public async Task An_export_built_before_is_used_again_without_building()
    {
        var ct = TestContext.Current.CancellationToken;
        var head = await RevisionBuild.ResolveAsync(ReportFile.RepositoryRoot, "HEAD", ct);
        var built = Directory.CreateDirectory(Path.Combine(_exports, head)).FullName;
        await File.WriteAllTextAsync(Path.Combine(built, RevisionBuild.BuiltMarker), "", ct);
        var log = new List<string>();

        var folder = await RevisionBuild.PrepareAsync(ReportFile.RepositoryRoot, "HEAD", "AppHost", log.Add, ct, _exports);

        folder.ShouldBe(built);
        Directory.EnumerateFileSystemEntries(built).ShouldHaveSingleItem();
        log.ShouldHaveSingleItem().ShouldContain("built before");
    }

    [Fact]
    public void A_run_deletes_the_exports_it_does_not_use_and_nothing_else()
    {
        var used = new string('a', 40);
        var unused = new string('b', 40);
        var other = "notes";
        foreach (var name in new[] { used, unused, other })
        {
            File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(_exports, name)).FullName, "file"), "");
        }

        var log = new List<string>();

        RevisionBuild.Prune(_exports, new HashSet<string> { used }, log.Add);

        Directory.EnumerateDirectories(_exports).Select(Path.GetFileName).Order().ShouldBe([used, other]);
        log.ShouldHaveSingleItem().ShouldContain(unused[..12]);
    }

    public void Dispose() => Directory.Delete(_exports, recursive: true);
}
