using Synchronizer.Core.Canonicalization;
using Synchronizer.Core.Hashing;

namespace Synchronizer.Core.Tests.Hashing;

public sealed class ContentHashTests
{
    private static readonly string CanonicalVectors = Path.Combine(AppContext.BaseDirectory, "Canonicalization", "Vectors");

    public static TheoryData<string, string> ReferenceHashes()
    {
        var hashes = new TheoryData<string, string>();
        foreach (string line in File.ReadLines(Path.Combine(CanonicalVectors, "hashes.txt")).Where(line => !line.StartsWith('#')))
        {
            string[] fields = line.Split(' ');
            hashes.Add(fields[0], fields[1]);
        }

        return hashes;
    }

    [Fact]
    public void ToString_Value_WritesPrefixAndSixteenLowerCaseHexDigits()
    {
        var hash = new ContentHash(0x5F0E7C1D2A3B4C5D);

        Assert.Equal("xxh3-64:5f0e7c1d2a3b4c5d", hash.ToString());
    }

    [Fact]
    public void ToString_SmallValue_PadsToSixteenDigits()
    {
        var hash = new ContentHash(0xAB);

        Assert.Equal("xxh3-64:00000000000000ab", hash.ToString());
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(0x5F0E7C1D2A3B4C5DUL)]
    [InlineData(ulong.MaxValue)]
    public void TryParse_OwnOutput_RoundTrips(ulong value)
    {
        var hash = new ContentHash(value);

        bool parsed = ContentHash.TryParse(hash.ToString(), out ContentHash result);

        Assert.True(parsed);
        Assert.Equal(hash, result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("xxh3-64:")]
    [InlineData("5f0e7c1d2a3b4c5d")]
    [InlineData("xxh3-64:5F0E7C1D2A3B4C5D")]
    [InlineData("XXH3-64:5f0e7c1d2a3b4c5d")]
    [InlineData("xxh64:5f0e7c1d2a3b4c5d")]
    [InlineData("xxh3-64:5f0e7c1d2a3b4c5")]
    [InlineData("xxh3-64:5f0e7c1d2a3b4c5d0")]
    [InlineData("xxh3-64:5f0e7c1d2a3b4c5g")]
    [InlineData("xxh3-64:+f0e7c1d2a3b4c5d")]
    [InlineData("xxh3-64: f0e7c1d2a3b4c5d")]
    [InlineData(" xxh3-64:5f0e7c1d2a3b4c5d")]
    public void TryParse_MalformedText_ReturnsFalse(string? text)
    {
        bool parsed = ContentHash.TryParse(text, out ContentHash result);

        Assert.False(parsed);
        Assert.Equal(default, result);
    }

    [Fact]
    public void Of_Bytes_IsXxh3OfTheBytes()
    {
        ContentHash hash = ContentHash.Of("abc"u8);

        // Reference value: printf abc | xxhsum -H3
        Assert.Equal("xxh3-64:78af5f94892f3950", hash.ToString());
        Assert.Equal(Xxh3.Hash64("abc"u8), hash.Value);
    }

    [Theory]
    [MemberData(nameof(ReferenceHashes))]
    public void Of_CanonicalFormOfVector_MatchesPythonReference(string path, string expected)
    {
        byte[] canonical = CanonicalJson.Canonicalize(File.ReadAllBytes(Path.Combine(CanonicalVectors, "inputs", path)));

        Assert.Equal(expected, ContentHash.Of(canonical).ToString());
    }
}
