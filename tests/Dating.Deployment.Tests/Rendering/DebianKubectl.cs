using CliWrap;
using CliWrap.Buffered;
using Dating.AppHost.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dating.Deployment.Tests.Rendering;

/// <summary>
/// Debian's kubectl (with Kustomize built in), used only to render infra/ offline. Installed with apt-get when
/// missing, the way the app host installs its servers (as root or with passwordless sudo, under the same machine-wide
/// lock, so apt-get never runs twice at once).
/// </summary>
internal static class DebianKubectl
{
    public const string ExecutablePath = "/usr/bin/kubectl";

    /// <summary>The rendered YAML of a kustomization folder, as <c>kubectl kustomize</c> prints it.</summary>
    public static async Task<string> KustomizeAsync(string folder, CancellationToken ct)
    {
        var kubectl = await MachineInstalls.EnsureDebianProgramAsync(ExecutablePath, "kubectl", NullLogger.Instance, ct);
        var result = await Cli.Wrap(kubectl).WithArguments(["kustomize", folder])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(ct);
        return result.IsSuccess
            ? result.StandardOutput
            : throw new InvalidOperationException($"kubectl kustomize {folder} failed ({result.ExitCode}): {result.StandardError}");
    }
}
