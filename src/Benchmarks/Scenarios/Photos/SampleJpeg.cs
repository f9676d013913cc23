using SkiaSharp;

namespace Dating.Benchmarks.Scenarios.Photos;

/// <summary>One realistic phone-camera-sized JPEG (1600×1200, gradients, shapes and sensor-like noise), made once and reused.</summary>
public static class SampleJpeg
{
    public static byte[] Create(int width = 1600, int height = 1200, int quality = 85)
    {
        var random = new Random(42);
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                    [new SKColor(70, 130, 200), new SKColor(240, 200, 150), new SKColor(60, 90, 40)], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, width, height, sky);
            using var shape = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 60; i++)
            {
                shape.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(60, 200));
                canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(20, 250), shape);
            }
        }

        // Sensor noise: what makes real photos compress to hundreds of kilobytes rather than tens.
        var pixels = bitmap.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            var p = pixels[i];
            var n = random.Next(-10, 11);
            pixels[i] = new SKColor(Clamp(p.Red + n), Clamp(p.Green + n), Clamp(p.Blue + n));
        }

        bitmap.Pixels = pixels;
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
