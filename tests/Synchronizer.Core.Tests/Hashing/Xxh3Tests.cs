using System.Globalization;
using System.Text;
using Synchronizer.Core.Hashing;

namespace Synchronizer.Core.Tests.Hashing;

public sealed class Xxh3Tests
{
    /// <summary>The "text" generator's line, as in make-xxh3-vectors.sh.</summary>
    private const string TextLine = "The quick brown fox jumps over the lazy dog; {\"id\": \"9168b536\", \"status\": \"ACTIVE\"}\n";

    private static readonly string VectorsPath = Path.Combine(AppContext.BaseDirectory, "Hashing", "Vectors", "xxh3-vectors.txt");

    public static TheoryData<string, int, string> ReferenceVectors()
    {
        var vectors = new TheoryData<string, int, string>();
        foreach (string[] fields in ReadVectors())
        {
            vectors.Add(fields[0], int.Parse(fields[1], CultureInfo.InvariantCulture), fields[2]);
        }

        return vectors;
    }

    [Theory]
    [MemberData(nameof(ReferenceVectors))]
    public void Hash64_ReferenceVector_MatchesReferenceImplementation(string generator, int length, string expected)
    {
        byte[] data = Generate(generator, length);

        ulong hash = Xxh3.Hash64(data);

        Assert.Equal(expected, hash.ToString("x16", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ReferenceVectors_File_CoversEveryLengthClass()
    {
        int[] lengths = [.. ReadVectors().Select(fields => int.Parse(fields[1], CultureInfo.InvariantCulture))];

        Assert.Contains(0, lengths);
        Assert.Contains(lengths, length => length is >= 1 and <= 3);
        Assert.Contains(lengths, length => length is >= 4 and <= 8);
        Assert.Contains(lengths, length => length is >= 9 and <= 16);
        Assert.Contains(lengths, length => length is >= 17 and <= 128);
        Assert.Contains(lengths, length => length is >= 129 and <= 240);
        Assert.Contains(lengths, length => length is > 240 and < 1024);
        Assert.Contains(lengths, length => length > 1024 && length % 64 != 0);
        Assert.Contains(lengths, length => length >= 1_000_000);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(128)]
    [InlineData(240)]
    [InlineData(1025)]
    public void Hash64_SliceOfLargerBuffer_DependsOnlyOnTheSlice(int length)
    {
        byte[] padded = Generate("seq", length + 128);
        byte[] copy = padded.AsSpan(64, length).ToArray();

        Assert.Equal(Xxh3.Hash64(copy), Xxh3.Hash64(padded.AsSpan(64, length)));
    }

    private static IEnumerable<string[]> ReadVectors() =>
        File.ReadLines(VectorsPath)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' '));

    private static byte[] Generate(string generator, int length) => generator switch
    {
        "seq" => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 31) + 7))],
        "zero" => new byte[length],
        "text" => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(TextLine, (length / TextLine.Length) + 1)))[..length],
        _ => throw new ArgumentOutOfRangeException(nameof(generator), generator, "Unknown generator in xxh3-vectors.txt."),
    };
}
