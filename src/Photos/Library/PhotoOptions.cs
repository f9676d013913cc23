namespace Dating.Photos.Library;

/// <summary>Tuning of the Photos module; bound from the <c>Photos</c> configuration section.</summary>
public sealed class PhotoOptions
{
    public const string SectionName = "Photos";

    /// <summary>How long a signed (SAS) URL to one blob stays valid.</summary>
    public TimeSpan SignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Images declaring more pixels than this are never decoded (decompression bombs): they end <c>failed</c>.</summary>
    public long MaxDecodedPixels { get; set; } = 40_000_000;

    /// <summary>A photo still <c>processing</c> this long after its upload has failed for good (its message ran out of retries).</summary>
    public TimeSpan ProcessingTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often each replica looks for such photos.</summary>
    public TimeSpan StalledSweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
