using Synchronizer.OpenStack.Microversions;

namespace Synchronizer.OpenStack.Tests.Microversions;

public class MicroversionTests
{
    [Theory]
    [InlineData("2.79", 2, 79)]
    [InlineData("3.0", 3, 0)]
    [InlineData(" 2.1 ", 2, 1)]
    public void TryParse_MajorDotMinor_Reads(string text, int major, int minor)
    {
        Assert.True(Microversion.TryParse(text, out var version));
        Assert.Equal(new Microversion(major, minor), version);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("2.79.1")]
    [InlineData("latest")]
    [InlineData("v2.1")]
    [InlineData("2.-1")]
    public void TryParse_NotAMicroversion_Fails(string? text)
    {
        Assert.False(Microversion.TryParse(text, out _));
    }

    [Fact]
    public void CompareTo_MinorVersions_CompareAsNumbersNotText()
    {
        Assert.True(Microversion.Parse("2.9") < Microversion.Parse("2.10"));
        Assert.True(Microversion.Parse("2.100") > Microversion.Parse("2.99"));
        Assert.True(Microversion.Parse("3.0") > Microversion.Parse("2.104"));
    }

    [Fact]
    public void ToString_WritesMajorDotMinor()
    {
        Assert.Equal("2.79", new Microversion(2, 79).ToString());
    }

    [Fact]
    public void Parse_Garbage_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => Microversion.Parse("two"));
    }
}
