namespace Dating.AppHost.Hosting;

/// <summary>Azurite, the Azure Blob Storage emulator, from npm, as a local Node process on a fixed loopback port.</summary>
public sealed class AzuriteResource(string name, string dataDirectory, int port)
    : ExecutableResource(name, "/usr/bin/env", dataDirectory), IResourceWithConnectionString
{
    /// <summary>The emulator's well-known development account (public, documented by Microsoft).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public int Port => port;

    public string BlobEndpoint => $"http://127.0.0.1:{Port}/{AccountName}";

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};");
}

public static class AzuriteExtensions
{
    public static IResourceBuilder<AzuriteResource> AddAzurite(this IDistributedApplicationBuilder builder, string name, int port, LocalData data, string repositoryRoot)
    {
        var azurite = new AzuriteResource(name, data.For(name), port);
        return builder.AddResource(azurite)
            .WithIconName("Cloud")
            .WithEndpoint(port: port, targetPort: port, scheme: "http", name: "http", isProxied: false)
            .WithLateArgs(() => (
            [
                ServerBinaries.Required(ServerBinaries.Node(), "Node.js"),
                ServerBinaries.Required(ServerBinaries.AzuriteBlob(repositoryRoot), "Azurite"),
                "--blobHost", "127.0.0.1", "--blobPort", port.ToString(), "--location", azurite.WorkingDirectory,
                // Without it Azurite calls an outside telemetry host; with it, the SDK's newer service versions are accepted.
                "--disableTelemetry", "--skipApiVersionCheck",
            ]))
            .WithProbe("Azurite does not answer HTTP", ct => Probes.HttpAnswersAsync($"{azurite.BlobEndpoint}?comp=list", ct))
            .ExcludeFromManifest();
    }
}
