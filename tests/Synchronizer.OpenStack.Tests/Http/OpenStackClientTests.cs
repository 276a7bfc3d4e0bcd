using System.Net;
using Microsoft.Extensions.Logging.Abstractions;

namespace Synchronizer.OpenStack.Tests.Http;

public class OpenStackClientTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private int _tokens;

    [Fact]
    public async Task GetAsync_SendsTokenAndMicroversionHeaders_ToCatalogEndpoint()
    {
        var handler = Cloud(_ => StubHttpHandler.Json(HttpStatusCode.OK, """{"servers":[]}"""));
        var sut = CreateSut(handler);

        await sut.GetAsync(new OpenStackRequest("compute", "/servers/detail?limit=5", new ApiVersion("compute", "2.79")), CancellationToken.None);

        var request = handler.Requests.Single(r => r.Method == HttpMethod.Get);
        Assert.Equal(new Uri(FakeKeystone.ComputeUrl + "/servers/detail?limit=5"), request.Uri);
        Assert.Equal("token-1", request.Headers["X-Auth-Token"]);
        Assert.Equal("compute 2.79", request.Headers["OpenStack-API-Version"]);
        Assert.Equal("2.79", request.Headers["X-OpenStack-Nova-API-Version"]);
    }

    [Fact]
    public async Task GetAsync_TokenRejectedOnce_RenewsAndRetriesOnce()
    {
        var calls = 0;
        var handler = Cloud(_ => Interlocked.Increment(ref calls) == 1
            ? StubHttpHandler.Json(HttpStatusCode.Unauthorized, """{"error":{"message":"The request you have made requires authentication."}}""")
            : StubHttpHandler.Json(HttpStatusCode.OK, """{"servers":[]}"""));
        var sut = CreateSut(handler);

        await sut.GetAsync(new OpenStackRequest("compute", "/servers/detail"), CancellationToken.None);

        var gets = handler.Requests.Where(r => r.Method == HttpMethod.Get).ToArray();
        Assert.Equal(["token-1", "token-2"], gets.Select(g => g.Headers["X-Auth-Token"]));
    }

    [Fact]
    public async Task GetAsync_TokenRejectedTwice_Throws401()
    {
        var handler = Cloud(_ => StubHttpHandler.Json(HttpStatusCode.Unauthorized, "{}"));
        var sut = CreateSut(handler);

        var error = await Assert.ThrowsAsync<OpenStackApiException>(() => sut.GetAsync(new OpenStackRequest("compute", "/servers/detail"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(2, handler.Requests.Count(r => r.Method == HttpMethod.Get));
    }

    [Fact]
    public async Task GetAsync_NovaErrorBody_MessageNamesTheFault()
    {
        var handler = Cloud(_ => StubHttpHandler.Json(HttpStatusCode.NotFound, """{"itemNotFound": {"code": 404, "message": "Instance abc could not be found."}}"""));
        var sut = CreateSut(handler);

        var error = await Assert.ThrowsAsync<OpenStackApiException>(() => sut.GetAsync(new OpenStackRequest("compute", "/servers/abc?x=1"), CancellationToken.None));

        Assert.Equal("compute GET /servers/abc answered 404: itemNotFound: Instance abc could not be found.", error.Message);
    }

    [Fact]
    public async Task GetAsync_HtmlErrorPage_MessageShowsItsStart()
    {
        var handler = Cloud(_ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html><body>502 Bad Gateway</body></html>") });
        var sut = CreateSut(handler);

        var error = await Assert.ThrowsAsync<OpenStackApiException>(() => sut.GetAsync(new OpenStackRequest("compute", "/servers/detail"), CancellationToken.None));

        Assert.Contains("502 Bad Gateway", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_ServiceNotInCatalog_ThrowsNamingTheServiceType()
    {
        var sut = CreateSut(Cloud(_ => StubHttpHandler.Json(HttpStatusCode.OK, "{}")));

        var error = await Assert.ThrowsAsync<OpenStackException>(() => sut.GetAsync(new OpenStackRequest("volumev3", "/volumes/detail"), CancellationToken.None));

        Assert.Contains("'volumev3'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_ConnectionReset_ThrowsOpenStackException()
    {
        var sut = CreateSut(Cloud(_ => throw new HttpRequestException("Connection reset by peer")));

        var error = await Assert.ThrowsAsync<OpenStackException>(() => sut.GetAsync(new OpenStackRequest("compute", "/servers/detail"), CancellationToken.None));

        Assert.Contains("Connection reset by peer", error.Message, StringComparison.Ordinal);
    }

    private StubHttpHandler Cloud(Func<HttpRequestMessage, HttpResponseMessage> service) =>
        new(request => request.Method == HttpMethod.Post
            ? FakeKeystone.TokenResponse($"token-{Interlocked.Increment(ref _tokens)}", _time.GetUtcNow().AddHours(1))
            : service(request));

    private OpenStackClient CreateSut(StubHttpHandler handler)
    {
        var options = FakeKeystone.Options();
        var tokens = FakeKeystone.TokenProvider(handler, _time, options);
        return new OpenStackClient(new StubHttpClientFactory(handler), tokens, options, NullLogger<OpenStackClient>.Instance);
    }
}
