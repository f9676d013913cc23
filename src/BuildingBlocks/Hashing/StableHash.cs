using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace Dating.BuildingBlocks.Hashing;

/// <summary>
/// A 64-bit hash that is the same in every process, run and machine (string.GetHashCode is randomized):
/// XxHash64 of the UTF-8 bytes, seed 0. Every gateway replica therefore maps a key to the same node.
/// </summary>
public static class StableHash
{
    private const int StackLimit = 256;

    public static ulong Of(string value) => Of(value.AsSpan());

    public static ulong Of(ReadOnlySpan<char> value)
    {
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (length <= StackLimit)
        {
            Span<byte> bytes = stackalloc byte[StackLimit];
            return XxHash64.HashToUInt64(bytes[..Encoding.UTF8.GetBytes(value, bytes)]);
        }

        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            return XxHash64.HashToUInt64(rented.AsSpan(0, Encoding.UTF8.GetBytes(value, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
