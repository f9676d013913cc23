using Dating.Photos.Library;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Dating.Photos.Processing;

/// <summary>
/// Decodes an original and re-encodes it as a capped JPEG and a thumbnail. Only pixels survive: the encoder
/// is given no metadata, so EXIF (GPS included) is gone. The header's dimensions are checked before any
/// pixel is decoded, so a small file declaring a huge image (a decompression bomb) is refused cheaply.
/// </summary>
internal sealed class ImageProcessor(IOptions<PhotoOptions> options)
{
    private const int JpegQuality = 85;

    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    // A decoded image takes 4 bytes a pixel: bound how many are in memory at once, whatever the consumer concurrency.
    private readonly SemaphoreSlim _gate = new(Math.Max(1, Environment.ProcessorCount));

    public async Task<ProcessingOutcome> ProcessAsync(BinaryData original, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return Process(original.ToMemory().Span);
        }
        finally
        {
            _gate.Release();
        }
    }

    private ProcessingOutcome Process(ReadOnlySpan<byte> original)
    {
        using var data = SKData.CreateCopy(original);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
        {
            return new ProcessingOutcome.Rejected("The file is not a decodable JPEG, PNG or WebP image.");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var maxPixels = options.Value.MaxDecodedPixels;
        if (width <= 0 || height <= 0 || (long)width * height > maxPixels)
        {
            return new ProcessingOutcome.Rejected($"The image declares {width}x{height} pixels; at most {maxPixels} are accepted.");
        }

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            return new ProcessingOutcome.Rejected($"The image could not be decoded completely ({result}).");
        }

        bitmap.SetImmutable();
        using var image = SKImage.FromBitmap(bitmap);
        var (large, largeWidth, largeHeight) = Render(image, codec.EncodedOrigin, PhotoLimits.ImageMaxSide);
        var (thumbnail, _, _) = Render(image, codec.EncodedOrigin, PhotoLimits.ThumbnailMaxSide);
        return new ProcessingOutcome.Processed(large, largeWidth, largeHeight, thumbnail);
    }

    private static (byte[] Jpeg, int Width, int Height) Render(SKImage image, SKEncodedOrigin origin, int maxSide)
    {
        var (orientedWidth, orientedHeight) = Orientation.SwapsSides(origin) ? (image.Height, image.Width) : (image.Width, image.Height);
        var scale = Math.Min(1d, (double)maxSide / Math.Max(orientedWidth, orientedHeight));
        var width = Math.Clamp((int)Math.Round(orientedWidth * scale), 1, maxSide);
        var height = Math.Clamp((int)Math.Round(orientedHeight * scale), 1, maxSide);

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White); // JPEG has no alpha: transparent areas become white, not black.
        canvas.Scale((float)width / orientedWidth, (float)height / orientedHeight);
        canvas.Concat(Orientation.Matrix(origin, image.Width, image.Height));
        canvas.DrawImage(image, 0, 0, Sampling);

        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        return (jpeg.ToArray(), width, height);
    }
}
