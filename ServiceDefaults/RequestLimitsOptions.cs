namespace Microsoft.Extensions.Hosting;

// Configuration section "RequestLimits".
public sealed class RequestLimitsOptions
{
    public const string SectionName = "RequestLimits";

    // The body limit of every endpoint that does not declare its own (IRequestSizeLimitMetadata).
    public long MaxBodyBytes { get; set; } = 64 * 1024;
}
