using System.Net;
using System.Text;
using Synchronizer.OpenStack;

namespace Synchronizer.Plugins.Testing.Tests;

public class FixtureOpenStackClientTests
{
    private static readonly byte[] Page1 = Encoding.UTF8.GetBytes("""{"stacks": [{"id": "a"}]}""");
    private static readonly byte[] Page2 = Encoding.UTF8.GetBytes("""{"stacks": []}""");

    [Fact]
    public async Task GetAsync_RoutesPagesByMarkerAndRecordsRequests()
    {
        var sut = new FixtureOpenStackClient()
            .OnPage("orchestration", "/stacks", Page1)
            .OnPage("orchestration", "/stacks", Page2, marker: "a");

        var first = await sut.GetAsync(new OpenStackRequest("orchestration", "/stacks?limit=1"), CancellationToken.None);
        var second = await sut.GetAsync(new OpenStackRequest("orchestration", "/stacks?limit=1&marker=a"), CancellationToken.None);

        Assert.Equal(Page1, first);
        Assert.Equal(Page2, second);
        Assert.Equal(["/stacks?limit=1", "/stacks?limit=1&marker=a"], sut.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task GetAsync_NoRoute_ThrowsNotFound()
    {
        var sut = new FixtureOpenStackClient().OnPage("orchestration", "/stacks", Page1);

        var error = await Assert.ThrowsAsync<OpenStackApiException>(() => sut.GetAsync(new OpenStackRequest("compute", "/stacks"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task GetAsync_ErrorResponse_ThrowsWithStatusAndBody()
    {
        var sut = new FixtureOpenStackClient().OnPath("volumev3", "/volumes/x", FixtureResponse.NotFound(Encoding.UTF8.GetBytes("{\"itemNotFound\": {}}")));

        var error = await Assert.ThrowsAsync<OpenStackApiException>(() => sut.GetAsync(new OpenStackRequest("volumev3", "/volumes/x"), CancellationToken.None));

        Assert.Contains("itemNotFound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_ServiceMissingFromTheCatalog_ThrowsPlainOpenStackException()
    {
        var sut = new FixtureOpenStackClient().WithoutService("volumev3");

        var error = await Assert.ThrowsAsync<OpenStackException>(() => sut.GetAsync(new OpenStackRequest("volumev3", "/volumes/detail"), CancellationToken.None));

        Assert.IsNotType<OpenStackApiException>(error);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task GetAsync_Cancelled_Throws()
    {
        var sut = new FixtureOpenStackClient().On(_ => FixtureResponse.Ok("{}"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.GetAsync(new OpenStackRequest("compute", "/"), new CancellationToken(canceled: true)));
    }

    [Theory]
    [InlineData("/stacks?limit=1&marker=a%2Fb", "marker", "a/b")]
    [InlineData("/stacks?global_tenant=true&id=x", "id", "x")]
    [InlineData("/stacks?flag&id=x", "flag", "")]
    [InlineData("/stacks?limit=1", "marker", null)]
    [InlineData("/stacks", "marker", null)]
    public void QueryValue_ReadsOneParameter(string pathAndQuery, string name, string? expected)
    {
        Assert.Equal(expected, FixtureOpenStackClient.QueryValue(new OpenStackRequest("orchestration", pathAndQuery), name));
    }
}
