namespace Dating.Photos.Processing;

/// <summary>What processing made of an original: re-encoded JPEGs, or the reason the image cannot be used.</summary>
internal abstract record ProcessingOutcome
{
    public sealed record Processed(byte[] Image, int Width, int Height, byte[] Thumbnail) : ProcessingOutcome;

    public sealed record Rejected(string Reason) : ProcessingOutcome;
}
