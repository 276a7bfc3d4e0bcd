using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Synchronizer.Simulator.Compute;

namespace Synchronizer.Simulator.Tests.Compute;

public sealed class NextLinksTests
{
    [Fact]
    public void Build_UnsortedParameters_SortsThemAndAppendsMarker()
    {
        var query = Query(("limit", "2"), ("all_tenants", "1"), ("name", "web server"));

        var href = NextLinks.Build("http://h/compute/v2.1/servers/detail", query, "abc");

        Assert.Equal("http://h/compute/v2.1/servers/detail?all_tenants=1&limit=2&name=web+server&marker=abc", href);
    }

    [Fact]
    public void Build_ExistingMarker_IsReplacedInPlace()
    {
        var query = Query(("marker", "old"), ("limit", "2"), ("all_tenants", "1"));

        var href = NextLinks.Build("http://h/s", query, "new");

        Assert.Equal("http://h/s?all_tenants=1&limit=2&marker=new", href);
    }

    [Fact]
    public void Build_ReservedCharacters_AreQuotedLikeQuotePlus()
    {
        var query = Query(("changes-since", "2026-11-22T10:00:00+00:00"));

        var href = NextLinks.Build("http://h/s", query, "m");

        Assert.Equal("http://h/s?changes-since=2026-11-22T10%3A00%3A00%2B00%3A00&marker=m", href);
    }

    private static QueryCollection Query(params (string Key, string Value)[] pairs) =>
        new(pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => new StringValues([.. g.Select(p => p.Value)])));
}
