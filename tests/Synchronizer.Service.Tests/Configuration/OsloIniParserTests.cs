using Synchronizer.Service.Configuration;

namespace Synchronizer.Service.Tests.Configuration;

public class OsloIniParserTests
{
    [Fact]
    public void Parse_ContractSample_ReadsSectionsKeysAndStripsInlineComments()
    {
        const string text = """
            [DEFAULT]
            transport_url = rabbit://guest:guest@127.0.0.1:5672/
            host = sync-1                      ; defaults to the machine's host name
            [service_credentials]              ; keystoneauth-style
            auth_url = http://127.0.0.1:5000/v3
            auth_type = password               ; or v3applicationcredential
            # a whole-line comment
            ; another one
            [nova.instance]                    ; one section per entity type
            enabled = true
            interval = 60                      ; seconds between full polls
            """;

        var values = Parse(text);

        Assert.Equal("rabbit://guest:guest@127.0.0.1:5672/", values["DEFAULT:transport_url"]);
        Assert.Equal("sync-1", values["DEFAULT:host"]);
        Assert.Equal("password", values["service_credentials:auth_type"]);
        Assert.Equal("60", values["nova.instance:interval"]);
        Assert.Equal(6, values.Count);
    }

    [Fact]
    public void Parse_ValueWithSemicolonInside_KeptWhenNotPrecededBySpace()
    {
        Assert.Equal("pa;ss#word", Parse("[s]\npassword = pa;ss#word\n")["s:password"]);
    }

    [Fact]
    public void Parse_QuotedValue_KeepsCommentCharactersAndLosesQuotes()
    {
        Assert.Equal("a ; b", Parse("[s]\nk = \"a ; b\"   ; comment\n")["s:k"]);
    }

    [Fact]
    public void Parse_ColonSeparatorAndEmptyValue_AsOslo()
    {
        var values = Parse("[s]\na: 1\nb =\n");

        Assert.Equal("1", values["s:a"]);
        Assert.Equal(string.Empty, values["s:b"]);
    }

    [Fact]
    public void Parse_IndentedLine_ContinuesThePreviousValue()
    {
        Assert.Equal("first\nsecond", Parse("[s]\nk = first\n    second\n")["s:k"]);
    }

    [Fact]
    public void Parse_RepeatedKey_LastWins()
    {
        Assert.Equal("2", Parse("[s]\nk = 1\nk = 2\n")["s:k"]);
    }

    [Fact]
    public void Parse_KeyBeforeAnySection_FailsNamingFileLineAndFix()
    {
        var error = Assert.Throws<FormatException>(() => Parse("transport_url = x\n"));

        Assert.Equal("test.conf:1: 'transport_url' comes before any [section] header; put it under [DEFAULT] or another section.", error.Message);
    }

    [Fact]
    public void Parse_LineWithoutSeparatorBeforeAnySection_NeverQuotesTheLine()
    {
        // Such a line may be a password pasted on its own line.
        var error = Assert.Throws<FormatException>(() => Parse("s3cr3t-pasted\n"));

        Assert.Equal("test.conf:1: a line comes before any [section] header; put it under [DEFAULT] or another section.", error.Message);
    }

    [Fact]
    public void Parse_LineWithoutSeparator_FailsNamingLine()
    {
        var error = Assert.Throws<FormatException>(() => Parse("[s]\nthis is not a key\n"));

        Assert.StartsWith("test.conf:2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LineWithoutSeparator_DoesNotQuoteTheLineWhichMayBeAPassword()
    {
        var error = Assert.Throws<FormatException>(() => Parse("[service_credentials]\npassword hunter2\n"));

        Assert.Equal("test.conf:2: this line of [service_credentials] has no '=' or ':'; write it as key = value.", error.Message);
    }

    [Fact]
    public void Parse_MalformedSection_Fails()
    {
        Assert.Throws<FormatException>(() => Parse("[]\n"));
    }

    [Fact]
    public void Parse_KeysAreCaseInsensitive()
    {
        var values = Parse("[DEFAULT]\nHost = a\n");

        Assert.Equal("a", values["default:host"]);
    }

    private static Dictionary<string, string?> Parse(string text) => OsloIniParser.Parse(new StringReader(text), "test.conf");
}
