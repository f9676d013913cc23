using Dating.AppHost.Processes;

namespace Dating.AppHost.BackingServices;

/// <summary>Azurite, the Azure Blob Storage emulator, on 127.0.0.1.</summary>
public sealed class AzuriteServer(BackingServicesOptions options, Binaries binaries) : BackingServer("azurite", options)
{
    /// <summary>The emulator's well-known development account (public, documented by Microsoft).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public override int Port => Options.Ports.Azurite;

    public string BlobEndpoint => $"http://127.0.0.1:{Port}/{AccountName}";

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};";

    protected override ProcessSpec CreateProcessSpec() => new(
        binaries.Node,
        [
            binaries.AzuriteBlob,
            "--blobHost", "127.0.0.1",
            "--blobPort", Port.ToString(),
            "--location", DataDirectory,
            // Without it Azurite calls an outside telemetry host; with it, newer SDK service versions are accepted.
            "--disableTelemetry",
            "--skipApiVersionCheck",
        ]);

    protected override Task<bool> IsReadyAsync(CancellationToken ct) => Probes.HttpAnswersAsync($"{BlobEndpoint}?comp=list", ct);
}
