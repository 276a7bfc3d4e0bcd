using System.Text;
using Synchronizer.Core.Canonicalization;

namespace Synchronizer.Core.Tests.Canonicalization;

public sealed class ObjectMemberTests
{
    /// <summary>Characters around every boundary that matters to UTF-8 versus UTF-16 order.</summary>
    private static readonly string[] Characters =
    [
        "", "\0", "A", "a", "\u007f", "\u0080", "\u00e9", "\u07ff", "\u0800", "\u20ac", "\ud7ff",
        "\ue000", "\ufb33", "\uffff", "\U00010000", "\U0001F600", "\U0010FFFF",
    ];

    [Theory]
    [InlineData("a", "b")]
    [InlineData("a", "aa")]
    [InlineData("", "a")]
    [InlineData("Z", "a")]
    [InlineData("\r", "1")]
    [InlineData("\u00f6", "\u20ac")]
    [InlineData("\U0001F600", "\ue000")]
    [InlineData("\U0001F600", "\ufb33")]
    [InlineData("\ud7ff", "\U00010000")]
    [InlineData("x\U0001F600", "x\uffff")]
    public void CompareUtf16Order_OrderedPair_SortsFirstBeforeSecond(string first, string second)
    {
        Assert.True(Compare(first, second) < 0);
        Assert.True(Compare(second, first) > 0);
        Assert.Equal(0, Compare(first, first));
    }

    [Fact]
    public void CompareUtf16Order_AllPairsOfShortStrings_AgreesWithOrdinalStringComparison()
    {
        string[] strings = [.. Characters.SelectMany(left => Characters.Select(right => left + right)).Distinct()];

        foreach (string left in strings)
        {
            foreach (string right in strings)
            {
                Assert.True(
                    Math.Sign(string.CompareOrdinal(left, right)) == Math.Sign(Compare(left, right)),
                    $"Order of {Escape(left)} and {Escape(right)} differs from string.CompareOrdinal.");
            }
        }
    }

    private static int Compare(string left, string right) =>
        ObjectMember.CompareUtf16Order(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right));

    private static string Escape(string text) => string.Concat(text.Select(c => $"\\u{(int)c:x4}"));
}
