using System.Buffers;
using System.Text;
using System.Text.Json;
using Synchronizer.Core.Canonicalization;

namespace Synchronizer.Core.Tests.Canonicalization;

public sealed class CanonicalJsonTests
{
    private static readonly string Vectors = Path.Combine(AppContext.BaseDirectory, "Canonicalization", "Vectors");

    public static TheoryData<string> ReferenceVectors() => new(InputPaths());

    [Theory]
    [MemberData(nameof(ReferenceVectors))]
    public void Canonicalize_ReferenceVector_MatchesNodeJcsByteForByte(string path)
    {
        byte[] expected = File.ReadAllBytes(Path.Combine(Vectors, "expected", path));

        byte[] canonical = CanonicalJson.Canonicalize(File.ReadAllBytes(Path.Combine(Vectors, "inputs", path)));

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(canonical));
        Assert.Equal(expected, canonical);
    }

    [Theory]
    [MemberData(nameof(ReferenceVectors))]
    public void Canonicalize_CanonicalInput_IsUnchanged(string path)
    {
        byte[] expected = File.ReadAllBytes(Path.Combine(Vectors, "expected", path));

        Assert.Equal(expected, CanonicalJson.Canonicalize(expected));
    }

    [Fact]
    public void ReferenceVectors_Folder_HoldsTheOpenStackFixtures()
    {
        string[] paths = [.. InputPaths()];

        foreach (string service in new[] { "nova", "cinder", "heat", "keystone", "neutron", "glance" })
        {
            Assert.Contains(paths, path => path.StartsWith($"openstack/{service}/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Canonicalize_RfcExample_MatchesRfc8785Section322()
    {
        string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;

        Assert.Equal(
            """{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""",
            Canonicalize(input));
    }

    [Fact]
    public void Canonicalize_KeysOutsideTheBasicPlane_SortByUtf16CodeUnits()
    {
        // By code point U+E000 comes first; in UTF-16 the emoji's high surrogate D83D does.
        string canonical = Canonicalize("""{"\uE000":1,"\uD83D\uDE00":2,"\u00E9":3,"b":4,"a":5,"A":6,"":7}""");

        Assert.Equal("{\"\":7,\"A\":6,\"a\":5,\"b\":4,\"é\":3,\"😀\":2,\"\uE000\":1}", canonical);
    }

    [Fact]
    public void Canonicalize_NestedObjects_SortsEveryLevelAndKeepsArrayOrder()
    {
        string canonical = Canonicalize("""{ "b": [3, {"z": 1, "y": 2}, 1], "a": {"d": {"f": 1, "e": 2}, "c": 0} }""");

        Assert.Equal("""{"a":{"c":0,"d":{"e":2,"f":1}},"b":[3,{"y":2,"z":1},1]}""", canonical);
    }

    [Theory]
    [InlineData("\"\\u0000\\u001F\\u0007\"", "\"\\u0000\\u001f\\u0007\"")]
    [InlineData("\"\\b\\f\\n\\r\\t\\u0008\\u000C\\u000A\\u000D\\u0009\"", "\"\\b\\f\\n\\r\\t\\b\\f\\n\\r\\t\"")]
    [InlineData("\"\\\"\\\\\\/\\u0022\\u005C\\u002F\"", "\"\\\"\\\\/\\\"\\\\/\"")]
    [InlineData("\"\\u00e9\\u20AC\\u2028\\u2029\\u007f\\u003c\\u002b\"", "\"é€\u2028\u2029\u007f<+\"")]
    [InlineData("\"\\ud83d\\ude00 😀\"", "\"😀 😀\"")]
    public void Canonicalize_String_UsesMinimalEscapes(string input, string expected)
    {
        Assert.Equal(expected, Canonicalize(input));
    }

    [Theory]
    [InlineData("1E30", "1e+30")]
    [InlineData("4.50", "4.5")]
    [InlineData("0.002", "0.002")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("333333333.33333329", "333333333.3333333")]
    [InlineData("-0", "0")]
    [InlineData("-0.0e5", "0")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("123456789012345", "123456789012345")]
    [InlineData("-42", "-42")]
    public void Canonicalize_Number_UsesEcmaScriptForm(string input, string expected)
    {
        Assert.Equal(expected, Canonicalize(input));
    }

    [Fact]
    public void Canonicalize_ExcludedTopLevelKeys_RemovesThemAndKeepsNestedKeysOfTheSameName()
    {
        var excluded = new HashSet<string>(StringComparer.Ordinal) { "updated", "progress" };

        string canonical = Canonicalize(
            """{"updated": "2026-01-01", "id": "a", "progress": 50, "metadata": {"updated": "kept", "progress": 1}, "zz": [{"updated": 2}]}""",
            excluded);

        Assert.Equal("""{"id":"a","metadata":{"progress":1,"updated":"kept"},"zz":[{"updated":2}]}""", canonical);
    }

    [Fact]
    public void Canonicalize_ExcludedKeyWrittenWithEscapes_IsRemoved()
    {
        string canonical = Canonicalize("""{"upd\u0061ted": 1, "id": 2}""", new HashSet<string> { "updated" });

        Assert.Equal("""{"id":2}""", canonical);
    }

    [Fact]
    public void Canonicalize_EveryKeyExcluded_WritesEmptyObject()
    {
        Assert.Equal("{}", Canonicalize("""{"a": 1, "b": 2}""", new HashSet<string> { "a", "b" }));
    }

    [Fact]
    public void Canonicalize_ExcludedKeysWithArrayRoot_LeavesObjectsInsideUntouched()
    {
        Assert.Equal("""[{"a":1}]""", Canonicalize("""[{"a": 1}]""", new HashSet<string> { "a" }));
    }

    [Theory]
    [InlineData("""{"a": 1, "a": 2}""", "a")]
    [InlineData("""{"x": {"b": 1, "c": 2, "b": 3}}""", "b")]
    [InlineData("""{"é": 1, "\u00e9": 2}""", "é")]
    [InlineData("""{"updated": 1, "updated": 2}""", "updated")]
    public void Canonicalize_DuplicateKey_ThrowsNamingTheKey(string input, string key)
    {
        var excluded = new HashSet<string> { "updated" };

        JsonException exception = Assert.ThrowsAny<JsonException>(() => Canonicalize(input, excluded));

        Assert.Contains($"\"{key}\"", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("""{"a":}""")]
    [InlineData("[1,]")]
    [InlineData("01")]
    [InlineData("NaN")]
    [InlineData("{'a': 1}")]
    [InlineData("1 2")]
    [InlineData("\"\u0001\"")]
    [InlineData("""["\x"]""")]
    [InlineData("1e400")]
    [InlineData("[-1e309]")]
    [InlineData("""["\ud800"]""")]
    [InlineData("""{"\udc00x": 1}""")]
    [InlineData("""["\ud83d\u0041"]""")]
    public void Canonicalize_InvalidInput_ThrowsJsonException(string input)
    {
        Assert.ThrowsAny<JsonException>(() => Canonicalize(input));
    }

    [Theory]
    [InlineData(new byte[] { 0x22, 0xFF, 0x22 })]
    [InlineData(new byte[] { 0x22, 0xC3, 0x22 })]
    [InlineData(new byte[] { 0x22, 0xED, 0xA0, 0x80, 0x22 })]
    [InlineData(new byte[] { 0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D })]
    public void Canonicalize_InvalidUtf8InString_ThrowsJsonException(byte[] input)
    {
        Assert.ThrowsAny<JsonException>(() => CanonicalJson.Canonicalize(input));
    }

    [Fact]
    public void Canonicalize_OutputLongerThanInput_GrowsItsBuffer()
    {
        string input = "[" + string.Join(",", Enumerable.Repeat("1e20", 1000)) + "]";

        string canonical = Canonicalize(input);

        Assert.Equal("[" + string.Join(",", Enumerable.Repeat("100000000000000000000", 1000)) + "]", canonical);
    }

    [Fact]
    public void Write_NestedElement_WritesItsCanonicalFormAndExcludesItsTopLevelKeys()
    {
        using JsonDocument document = JsonDocument.Parse("""{"servers": [{"updated": "x", "name": "vm", "id": "1", "status": "ACTIVE"}]}""");
        JsonElement server = document.RootElement.GetProperty("servers")[0];
        var output = new ArrayBufferWriter<byte>();

        CanonicalJson.Write(server, output, new HashSet<string> { "updated" });

        Assert.Equal("""{"id":"1","name":"vm","status":"ACTIVE"}""", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Write_NullOutput_Throws()
    {
        using JsonDocument document = JsonDocument.Parse("1");

        Assert.Throws<ArgumentNullException>(() => CanonicalJson.Write(document.RootElement, null!));
    }

    [Fact]
    public void Write_DefaultElement_Throws()
    {
        Assert.Throws<ArgumentException>(() => CanonicalJson.Write(default, new ArrayBufferWriter<byte>()));
    }

    /// <summary>Every input under Vectors/inputs, by its path relative to that folder.</summary>
    private static IEnumerable<string> InputPaths()
    {
        string inputs = Path.Combine(Vectors, "inputs");
        return Directory.EnumerateFiles(inputs, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(inputs, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }

    private static string Canonicalize(string json, IReadOnlySet<string>? excluded = null) =>
        Encoding.UTF8.GetString(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json), excluded));
}
