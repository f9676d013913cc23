using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Dating.Photos.Tests.Infrastructure;

/// <summary>Images made in code: real encodings from SkiaSharp, and hand-built bytes for the hostile cases.</summary>
public static class TestImages
{
    public static byte[] Encode(SKEncodedImageFormat format, int width, int height, int quality = 90)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(
                    new SKPoint(0, 0), new SKPoint(width, height), [SKColors.CornflowerBlue, SKColors.Orange], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, width, height, paint);
        }

        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    public static byte[] Jpeg(int width = 640, int height = 480) => Encode(SKEncodedImageFormat.Jpeg, width, height);

    public static byte[] Png(int width = 64, int height = 48) => Encode(SKEncodedImageFormat.Png, width, height);

    /// <summary>A JPEG with an APP1 Exif segment carrying GPS tags (latitude N 52° 31' 12"), right after SOI.</summary>
    public static byte[] JpegWithGpsExif(int width, int height)
    {
        var jpeg = Jpeg(width, height);
        var tiff = new byte[80];
        var t = tiff.AsSpan();
        "II"u8.CopyTo(t);
        BinaryPrimitives.WriteUInt16LittleEndian(t[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(t[4..], 8); // IFD0
        BinaryPrimitives.WriteUInt16LittleEndian(t[8..], 1);
        WriteEntry(t[10..], 0x8825, type: 4, count: 1, value: 26); // GPSInfo → GPS IFD at 26
        BinaryPrimitives.WriteUInt32LittleEndian(t[22..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(t[26..], 2);
        WriteEntry(t[28..], 0x0001, type: 2, count: 2, value: 'N'); // GPSLatitudeRef "N\0"
        WriteEntry(t[40..], 0x0002, type: 5, count: 3, value: 56); // GPSLatitude: 3 rationals at 56
        BinaryPrimitives.WriteUInt32LittleEndian(t[52..], 0);
        uint[] rationals = [52, 1, 31, 1, 12, 1];
        for (var i = 0; i < rationals.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(t[(56 + 4 * i)..], rationals[i]);
        }

        return WithExif(jpeg, tiff);
    }

    /// <summary>A JPEG whose EXIF orientation tag says how to turn the stored pixels (6: a quarter turn clockwise).</summary>
    public static byte[] JpegWithOrientation(int width, int height, ushort orientation)
    {
        var tiff = new byte[26];
        var t = tiff.AsSpan();
        "II"u8.CopyTo(t);
        BinaryPrimitives.WriteUInt16LittleEndian(t[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(t[4..], 8);
        BinaryPrimitives.WriteUInt16LittleEndian(t[8..], 1);
        WriteEntry(t[10..], 0x0112, type: 3, count: 1, value: orientation); // Orientation, SHORT inline
        BinaryPrimitives.WriteUInt32LittleEndian(t[22..], 0);
        return WithExif(Jpeg(width, height), tiff);
    }

    private static byte[] WithExif(byte[] jpeg, byte[] tiff)
    {
        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + payload.Length));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>
    /// A decompression bomb: a valid PNG header declaring 30000×30000 grey pixels (900 MB decoded) and a few
    /// kilobytes of zlib-compressed zero rows.
    /// </summary>
    public static byte[] PngBomb(int side = 30000)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, side);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), side);
        header[8] = 8; // bit depth; colour type 0 (grey), deflate, no filter, no interlace

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[side + 1];
            for (var i = 0; i < 200; i++)
            {
                zlib.Write(row);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The JPEG markers from SOI up to the start of scan (the metadata lives before it).</summary>
    public static List<byte> JpegMarkers(byte[] jpeg)
    {
        jpeg[..2].ShouldBe(new byte[] { 0xFF, 0xD8 }, "a JPEG starts with SOI");
        var markers = new List<byte>();
        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF)
        {
            var marker = jpeg[i + 1];
            markers.Add(marker);
            if (marker == 0xDA)
            {
                break;
            }

            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(i + 2));
        }

        return markers;
    }

    private static void WriteEntry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typeAndData));
        png.Write(word);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
