using Dating.BuildingBlocks.Hashing;

namespace Dating.Hashing.Tests;

public sealed class StableHashTests
{
    [Fact]
    public void The_hash_is_xxhash64_of_the_utf8_bytes_so_every_process_agrees()
    {
        // Reference values of XXH64 with seed 0 (the xxHash project's test vectors).
        StableHash.Of("").ShouldBe(0xEF46DB3751D8E999UL);
        StableHash.Of("abc").ShouldBe(0x44BC2CF5AD770999UL);
    }

    [Fact]
    public void Long_keys_hash_like_short_ones()
    {
        var key = new string('é', 1000);

        StableHash.Of(key).ShouldBe(StableHash.Of(key.AsSpan()));
        StableHash.Of(key).ShouldNotBe(StableHash.Of(key[..999]));
    }
}
