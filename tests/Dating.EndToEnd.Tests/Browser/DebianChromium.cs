using Dating.AppHost.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dating.EndToEnd.Tests.Browser;

/// <summary>
/// Debian's chromium, the only browser these tests drive (Playwright never downloads one). Installed with apt-get
/// when missing, the way the app host installs its servers (as root or with passwordless sudo, under the same
/// machine-wide lock, so apt-get never runs twice at once).
/// </summary>
internal static class DebianChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>The flags this machine needs: no sandbox as root, and no calls home on a closed network.</summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    public static Task<string> EnsureInstalledAsync(CancellationToken ct) =>
        MachineInstalls.EnsureDebianProgramAsync(ExecutablePath, "chromium", NullLogger.Instance, ct);
}
