using System.Text;
using Synchronizer.OpenStack.Microversions;

namespace Synchronizer.OpenStack.Tests.Microversions;

public class VersionDocumentTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8774/v2.1", "http://127.0.0.1:8774/v2.1", "http://127.0.0.1:8774/")]
    [InlineData("http://127.0.0.1:8776/v3/18d2eb38f262494c855d0d646098009b", "http://127.0.0.1:8776/v3", "http://127.0.0.1:8776/")]
    [InlineData("http://cinder.test/volume/v3/p1", "http://cinder.test/volume/v3", "http://cinder.test/volume/")]
    [InlineData("http://heat.test/orchestration/v1/p1", "http://heat.test/orchestration/v1", "http://heat.test/orchestration/")]
    public void CandidateUrls_VersionedEndpoint_EndpointWithoutProjectThenRoot(string endpoint, string first, string second)
    {
        var urls = VersionDocument.CandidateUrls(new Uri(endpoint), "p1");

        Assert.Equal([new Uri(first), new Uri(second)], urls);
    }

    [Fact]
    public void CandidateUrls_UnversionedEndpoint_OnlyTheEndpoint()
    {
        Assert.Equal([new Uri("http://127.0.0.1:8778/")], VersionDocument.CandidateUrls(new Uri("http://127.0.0.1:8778"), "p1"));
    }

    [Fact]
    public void TryRead_NovaVersionDocument_ReadsItsRange()
    {
        Assert.True(VersionDocument.TryRead(Bytes(Fixtures.Read("compute-version.json")), "v2.1", out var range));

        Assert.Equal(new MicroversionRange(new Microversion(2, 1), new Microversion(2, 104)), range);
    }

    [Fact]
    public void TryRead_NovaRootDocument_PicksTheEndpointsVersionNotTheLegacyOne()
    {
        Assert.True(VersionDocument.TryRead(Bytes(Fixtures.Read("compute-versions.json")), "v2.1", out var range));

        Assert.Equal(new Microversion(2, 104), range!.Maximum);
    }

    [Fact]
    public void TryRead_CinderVersionList_PicksTheEntryOfTheMajorVersion()
    {
        Assert.True(VersionDocument.TryRead(Bytes(Fixtures.Read("volume-versions.json")), "v3", out var range));

        Assert.Equal(new MicroversionRange(new Microversion(3, 0), new Microversion(3, 71)), range);
    }

    [Fact]
    public void TryRead_HeatDocument_IsADocumentWithoutMicroversions()
    {
        const string heat = """{"versions": [{"id": "v1.0", "status": "CURRENT", "links": [{"href": "http://heat.test/orchestration/v1/", "rel": "self"}]}]}""";

        Assert.True(VersionDocument.TryRead(Bytes(heat), "v1", out var range));

        Assert.Null(range);
    }

    [Fact]
    public void TryRead_PlacementDocument_ReadsMaxVersion()
    {
        const string placement = """{"versions": [{"id": "v1.0", "max_version": "1.39", "min_version": "1.0", "status": "CURRENT"}]}""";

        Assert.True(VersionDocument.TryRead(Bytes(placement), null, out var range));

        Assert.Equal(new Microversion(1, 39), range!.Maximum);
    }

    [Theory]
    [InlineData("""{"servers": []}""")]
    [InlineData("<html>404 Not Found</html>")]
    [InlineData("[]")]
    public void TryRead_NotAVersionDocument_Fails(string body)
    {
        Assert.False(VersionDocument.TryRead(Bytes(body), "v2.1", out _));
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
