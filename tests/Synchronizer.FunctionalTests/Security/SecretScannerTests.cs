using System.Text;

namespace Synchronizer.FunctionalTests.Security;

/// <summary>The scanner itself, without services: it must find each spelling, on the right line, and never print a value.</summary>
public sealed class SecretScannerTests
{
    private static readonly Secret Password = new("the transport URL password", "p@ss/w:rd+Zq81Lm0Xv3", UserName: "sync");
    private static readonly Secret Token = new("a Keystone token", "gAAAAABkT9x2VbQ7pLr0Wm3sYc8uJh1", DistinctFrom: 7);

    [Fact]
    public void Scan_CleanOutput_FindsNothing()
    {
        var output = Lines("Connected to the bus at rabbit://sync:***@127.0.0.1:5672/", "Keystone token issued for project 1234");

        Assert.Empty(SecretScanner.Scan(output, [Password, Token]));
    }

    [Fact]
    public void Scan_PasswordUrlEncodedInATransportUrl_FindsItOnItsLine()
    {
        var output = Lines("starting", $"connecting to rabbit://sync:{Uri.EscapeDataString(Password.Value)}@127.0.0.1:5672/");

        var finding = Assert.Single(SecretScanner.Scan(output, [Password, Token]));

        Assert.Equal(("the transport URL password", "URL-encoded", 2), (finding.Kind, finding.Form, finding.LineNumber));
    }

    [Fact]
    public void Scan_UrlEncodingInLowerCase_StillFound()
    {
        var output = Lines($"url=rabbit://sync:{Uri.EscapeDataString(Password.Value).ToLowerInvariant()}@host/");

        Assert.Contains(SecretScanner.Scan(output, [Password]), f => f.Form == "URL-encoded");
    }

    [Fact]
    public void Scan_UserAndPasswordAsBase64_Found()
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"sync:{Password.Value}"));

        var finding = Assert.Single(SecretScanner.Scan(Lines($"Authorization: Basic {basic}"), [Password]));

        Assert.Equal("base64 of user:secret", finding.Form);
    }

    [Fact]
    public void Scan_TokenCutShort_FoundByItsDistinctPart()
    {
        var output = Lines("x", "y", $"token {Token.Value[..22]}...");

        var finding = Assert.Single(SecretScanner.Scan(output, [Token]));

        Assert.Equal((3, "its first 12 distinct characters"), (finding.LineNumber, finding.Form));
    }

    [Fact]
    public void Scan_CommonPrefixOfTokensOnly_NotAFinding()
    {
        Assert.Empty(SecretScanner.Scan(Lines("Fernet tokens start with gAAAAAB"), [Token]));
    }

    [Fact]
    public void Describe_Findings_NameKindFormAndLineButNeverTheValue()
    {
        var output = Lines("a", $"leak {Password.Value}");

        var text = SecretScanner.Describe(SecretScanner.Scan(output, [Password]), output.Count);

        Assert.Contains("line 2 (stdout): the transport URL password (as written)", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Password.Value, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Password.Value[..12], text, StringComparison.Ordinal);
    }

    private static List<OutputLine> Lines(params string[] lines) => [.. lines.Select(l => new OutputLine("stdout", l))];
}
