namespace Dating.Photos.Uploads;

/// <summary>The accepted upload formats, recognised by their leading bytes.</summary>
internal sealed record ImageFormat(string Name, string ContentType)
{
    public static readonly ImageFormat Jpeg = new("JPEG", "image/jpeg");
    public static readonly ImageFormat Png = new("PNG", "image/png");
    public static readonly ImageFormat WebP = new("WebP", "image/webp");

    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int SignatureLength = 12;

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Riff => "RIFF"u8;

    private static ReadOnlySpan<byte> WebPTag => "WEBP"u8;

    /// <summary>The format the content really has, whatever its name or declared type; null for anything else.</summary>
    public static ImageFormat? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(JpegSignature))
        {
            return Jpeg;
        }

        if (head.StartsWith(PngSignature))
        {
            return Png;
        }

        // RIFF <size:4> WEBP
        return head.Length >= SignatureLength && head.StartsWith(Riff) && head[8..12].SequenceEqual(WebPTag) ? WebP : null;
    }
}
