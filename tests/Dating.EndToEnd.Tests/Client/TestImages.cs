using SkiaSharp;

namespace Dating.EndToEnd.Tests.Client;

/// <summary>Real images, drawn and encoded on the spot.</summary>
internal static class TestImages
{
    public static byte[] Jpeg(int width = 1200, int height = 900) => Draw(width, height, SKEncodedImageFormat.Jpeg);

    public static byte[] Png(int width = 640, int height = 800) => Draw(width, height, SKEncodedImageFormat.Png);

    private static byte[] Draw(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(200, 80, 120));
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 85).ToArray();
    }
}
