using System.Reflection;
using CliWrap;
using CliWrap.Buffered;
using Dating.Benchmarks.Comparison;
using Dating.Benchmarks.Reports;

namespace Dating.Benchmarks.Stacks;

/// <summary>
/// Another git revision's code for a variant's stacks (<c>--variant before:@HEAD~1</c>): its tree exported with
/// <c>git archive</c> (no worktree: nothing is registered in the repository) into a folder named for its commit outside
/// the repository, and built once, in the tool's configuration, where the stack then starts its built apps. An export
/// already built is used again; a run deletes the exports its variants do not name (about 1.2 GB each, built).
/// </summary>
public static class RevisionBuild
{
    /// <summary>Beside the stacks' logs: one folder per commit.</summary>
    public static string ExportsRoot { get; } = Path.Combine(Path.GetTempPath(), "dating-benchmarks", "revisions");

    /// <summary>Written into an export once it built: an export without it is half made and is made again.</summary>
    public const string BuiltMarker = ".built";

    // Aspire runs each project with the app host's configuration, which is the tool's: both are built together.
    private static readonly string Configuration =
        typeof(RevisionBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>
    /// Every revision the variants name, exported and built, once per run and before any stack starts: the folder of each
    /// by its revision as written (a revision git does not know fails the run here). Earlier runs' other exports are
    /// deleted first, so the disk holds at most this run's.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> PrepareAsync(IEnumerable<RuntimeVariant> variants, Action<string> log, CancellationToken ct)
    {
        var repository = ReportFile.RepositoryRoot;
        var appHost = Path.GetRelativePath(repository, Projects.Dating_AppHost.ProjectPath);
        var revisions = variants.Select(v => v.Revision).OfType<string>().Distinct().ToList();
        var commits = new Dictionary<string, string>();
        foreach (var revision in revisions)
        {
            commits[revision] = await ResolveAsync(repository, revision, ct);
        }

        Prune(ExportsRoot, commits.Values.ToHashSet(), log);
        var folders = new Dictionary<string, string>();
        foreach (var revision in revisions)
        {
            folders[revision] = await BuildAsync(repository, revision, commits[revision], appHost, log, ct, ExportsRoot);
        }

        return folders;
    }

    /// <summary>Deletes every export in <paramref name="exportsRoot"/> (a folder named for a commit) but those of <paramref name="keep"/>.</summary>
    public static void Prune(string exportsRoot, IReadOnlySet<string> keep, Action<string> log)
    {
        if (!Directory.Exists(exportsRoot))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(exportsRoot))
        {
            var name = Path.GetFileName(folder);
            if (name.Length == 40 && name.All(char.IsAsciiHexDigitLower) && !keep.Contains(name))
            {
                log($"deleting the export of {name[..12]}, which this run does not use");
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The folder holding <paramref name="revision"/>'s code, built: exported and built unless an earlier run did.</summary>
    /// <param name="repository">The checkout the revision is looked up in.</param>
    /// <param name="appHostProject">The app host's project folder, relative to the repository: building it builds every project it runs.</param>
    public static async Task<string> PrepareAsync(
        string repository, string revision, string appHostProject, Action<string> log, CancellationToken ct, string? exportsRoot = null) =>
        await BuildAsync(repository, revision, await ResolveAsync(repository, revision, ct), appHostProject, log, ct, exportsRoot ?? ExportsRoot);

    // The export of commit (what revision names), built unless an earlier run built it.
    private static async Task<string> BuildAsync(
        string repository, string revision, string commit, string appHostProject, Action<string> log, CancellationToken ct, string exportsRoot)
    {
        var folder = Path.Combine(exportsRoot, commit);
        var marker = Path.Combine(folder, BuiltMarker);
        if (File.Exists(marker))
        {
            log($"@{revision} is {commit[..12]}: built before in {folder}");
            return folder;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        log($"@{revision} is {commit[..12]}: exporting it to {folder}");
        await ExportAsync(repository, commit, folder, ct);
        var buildLog = Path.Combine(folder, "build.log");
        log($"building {appHostProject} of @{revision} in {Configuration} (output in {buildLog})");
        var build = await Cli.Wrap("dotnet")
            // No build server nor node left behind: they would live on beside the stacks being measured.
            .WithArguments(["build", appHostProject, "-c", Configuration, "-nodeReuse:false", "-p:UseSharedCompilation=false"])
            .WithWorkingDirectory(folder)
            .WithStandardOutputPipe(PipeTarget.ToFile(buildLog))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(ct);
        if (build.ExitCode != 0)
        {
            throw new RevisionException($"@{revision} ({commit[..12]}) did not build (exit code {build.ExitCode}): see {buildLog}.");
        }

        await File.WriteAllTextAsync(marker, $"{commit} built in {Configuration} at {DateTime.UtcNow:O}\n", ct);
        log($"@{revision} built in {build.RunTime.TotalSeconds:0} s");
        return folder;
    }

    /// <summary>The full commit id <paramref name="revision"/> names in <paramref name="repository"/>; a revision git does not know is an error that says so.</summary>
    public static async Task<string> ResolveAsync(string repository, string revision, CancellationToken ct)
    {
        var result = await Cli.Wrap("git")
            .WithArguments(["rev-parse", "--verify", "--quiet", "--end-of-options", $"{revision}^{{commit}}"])
            .WithWorkingDirectory(repository)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(ct);
        return result.ExitCode == 0
            ? result.StandardOutput.Trim()
            : throw new RevisionException($"@{revision} is not a commit of the repository in {repository}.");
    }

    /// <summary><c>git archive <paramref name="commit"/> | tar -x</c> into <paramref name="folder"/>: the commit's tracked files only.</summary>
    public static async Task ExportAsync(string repository, string commit, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var export = Cli.Wrap("git").WithArguments(["archive", "--format=tar", commit]).WithWorkingDirectory(repository)
            | Cli.Wrap("tar").WithArguments(["-x", "-C", folder]);
        await export.ExecuteAsync(ct);
    }
}
