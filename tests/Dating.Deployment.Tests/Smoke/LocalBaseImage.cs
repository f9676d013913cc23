using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Dating.Deployment.Tests.Smoke;

/// <summary>
/// The base the smoke test builds the services' images on, since no registry with mcr.microsoft.com's images is
/// reachable: a minimal Debian made by debootstrap from the machine's own apt mirror (with OpenSSL and the CA certificates,
/// which .NET needs at start), plus this machine's shared .NET
/// and ASP.NET Core runtimes, a non-root <c>app</c> user (1654, as in the official images) and the settings the
/// official base has (port 8080). It stands in for <c>mcr.microsoft.com/dotnet/aspnet:10.0</c> and is kept in podman's
/// storage, so later runs reuse it.
/// </summary>
internal static partial class LocalBaseImage
{
    /// <summary>The runtime version this test runs on names the image: another runtime builds another base.</summary>
    public static string Name { get; } = $"localhost/dating-smoke/aspnet:{Environment.Version}";

    public static async Task EnsureAsync(Podman podman, string workFolder)
    {
        if (await podman.ImageExistsAsync(Name))
        {
            return;
        }

        const string debian = "localhost/dating-smoke/debian:minbase-openssl";
        if (!await podman.ImageExistsAsync(debian))
        {
            var rootfs = Path.Combine(workFolder, "rootfs");
            await Shell.RunAsync("debootstrap", ["--variant=minbase", "--include=libssl3,ca-certificates", Codename(), rootfs, Mirror()], TimeSpan.FromMinutes(10));
            // The import reads the root file system as a tar stream; the apt cache stays out of the image.
            await Shell.RunAsync("sh", ["-c", $"rm -rf '{rootfs}'/var/cache/apt/archives/*.deb '{rootfs}'/var/lib/apt/lists/* && tar -C '{rootfs}' -c . | podman import --change 'CMD [\"/bin/bash\"]' - {debian}"],
                TimeSpan.FromMinutes(5), podman.Environment);
            Directory.Delete(rootfs, recursive: true);
        }

        var context = Directory.CreateDirectory(Path.Combine(workFolder, "base-image"));
        CopyRuntime(Path.Combine(context.FullName, "dotnet"));
        await File.WriteAllTextAsync(Path.Combine(context.FullName, "Containerfile"), $"""
            FROM {debian}
            COPY dotnet /usr/share/dotnet
            RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet && useradd --uid 1654 --create-home app
            # Minimal Debian has no libicu.
            ENV APP_UID=1654 ASPNETCORE_HTTP_PORTS=8080 DOTNET_RUNNING_IN_CONTAINER=true DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true
            USER 1654
            """);
        await podman.RunAsync(TimeSpan.FromMinutes(5), "build", "--quiet", "--network", "none", "--tag", Name, context.FullName);
        context.Delete(recursive: true);
    }

    // The .NET this test runs on: its host, and the shared runtimes of this version (no SDK).
    private static void CopyRuntime(string target)
    {
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar));
        var root = runtime.Parent!.Parent!.Parent!.FullName;
        var version = runtime.Name;
        CopyFolder(Path.Combine(root, "host"), Path.Combine(target, "host"));
        foreach (var framework in new[] { "Microsoft.NETCore.App", "Microsoft.AspNetCore.App" })
        {
            CopyFolder(Path.Combine(root, "shared", framework, version), Path.Combine(target, "shared", framework, version));
        }

        File.Copy(Path.Combine(root, "dotnet"), Path.Combine(target, "dotnet"));
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }
    }

    private static string Codename() =>
        File.ReadLines("/etc/os-release").Select(l => CodenameLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value
        ?? throw new InvalidOperationException("/etc/os-release names no VERSION_CODENAME: the smoke test builds its base on Debian.");

    // The mirror apt uses here (deb822 "URIs:" or a one-line "deb URL suite"), the one registry this machine reaches.
    private static string Mirror()
    {
        var sources = Directory.EnumerateFiles("/etc/apt/sources.list.d").Prepend("/etc/apt/sources.list").Where(File.Exists);
        return sources.SelectMany(File.ReadLines).Select(l => MirrorLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value
            ?? "http://deb.debian.org/debian";
    }

    [GeneratedRegex("^VERSION_CODENAME=\"?([a-z]+)")]
    private static partial Regex CodenameLine();

    [GeneratedRegex(@"^\s*(?:URIs:\s*|deb\s+(?:\[[^\]]*\]\s+)?)(\S+/debian)/?(?:\s|$)")]
    private static partial Regex MirrorLine();
}
