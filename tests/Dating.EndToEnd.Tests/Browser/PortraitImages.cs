using SkiaSharp;

namespace Dating.EndToEnd.Tests.Browser;

/// <summary>A real JPEG to upload as a profile photo: a coloured portrait-shaped card with a face-like circle.</summary>
internal static class PortraitImages
{
    public static byte[] Jpeg(SKColor background, int width = 600, int height = 800)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var gradient = SKShader.CreateLinearGradient(
                new SKPoint(0, 0), new SKPoint(width, height), [background, background.WithAlpha(160)], SKShaderTileMode.Clamp);
            using var fill = new SKPaint { Shader = gradient };
            canvas.DrawRect(0, 0, width, height, fill);
            using var face = new SKPaint { Color = new SKColor(255, 224, 189), IsAntialias = true };
            canvas.DrawCircle(width / 2f, height * 0.38f, width * 0.2f, face);
            using var body = new SKPaint { Color = SKColors.White.WithAlpha(220), IsAntialias = true };
            canvas.DrawOval(width / 2f, height * 0.95f, width * 0.38f, height * 0.3f, body);
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 85).ToArray();
    }
}
