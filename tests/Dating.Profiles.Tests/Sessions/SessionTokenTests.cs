using System.Buffers.Text;
using Dating.BuildingBlocks.Sessions;

namespace Dating.Profiles.Tests.Sessions;

public sealed class SessionTokenTests
{
    [Fact]
    public void A_token_is_256_random_bits_in_base64url()
    {
        var token = SessionToken.Generate();

        token.Length.ShouldBe(43);
        token.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
        Base64Url.DecodeFromChars(token).Length.ShouldBe(32);
    }

    [Fact]
    public void Tokens_never_repeat_and_use_every_bit()
    {
        var tokens = Enumerable.Range(0, 2000).Select(_ => SessionToken.Generate()).ToList();

        tokens.Distinct().Count().ShouldBe(tokens.Count);

        // Every bit position is set in roughly half of the tokens: no constant or biased bits.
        var ones = new int[256];
        foreach (var bytes in tokens.Select(t => Base64Url.DecodeFromChars(t)))
        {
            for (var bit = 0; bit < 256; bit++)
            {
                ones[bit] += (bytes[bit / 8] >> (bit % 8)) & 1;
            }
        }

        ones.ShouldAllBe(count => count > 800 && count < 1200);
    }

    [Fact]
    public void The_stored_hash_is_sha256_hex_and_not_the_token()
    {
        var token = SessionToken.Generate();

        var hash = SessionToken.Hash(token);

        hash.Length.ShouldBe(64);
        hash.ShouldAllBe(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
        hash.ShouldBe(SessionToken.Hash(token));
        hash.ShouldNotContain(token);
        SessionToken.Hash(SessionToken.Generate()).ShouldNotBe(hash);
        // Known vector: SHA-256 of "abc".
        SessionToken.Hash("abc").ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 44 characters
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")] // 43, but not base64url
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void Malformed_tokens_are_rejected_before_any_lookup(string token) =>
        SessionToken.IsWellFormed(token).ShouldBeFalse();

    [Fact]
    public void Generated_tokens_are_well_formed() =>
        Enumerable.Range(0, 100).ShouldAllBe(_ => SessionToken.IsWellFormed(SessionToken.Generate()));
}
