using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using Synchronizer.OpenStack.Identity;
using Synchronizer.OpenStack.Paging;

namespace Synchronizer.OpenStack.Tests.Http;

public class OpenStackClientTests
{
    private const string ComputeVersion = FakeKeystone.ComputeUrl;
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private readonly Queue<string> _computeMaxima = new();
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

        var error = await Assert.ThrowsAsync<OpenStackException>(() => sut.GetAsync(new OpenStackRequest("image", "/v2/images"), CancellationToken.None));

        Assert.Contains("'image'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_ConnectionReset_ThrowsOpenStackException()
    {
        var sut = CreateSut(Cloud(_ => throw new HttpRequestException("Connection reset by peer")));

        var error = await Assert.ThrowsAsync<OpenStackException>(() => sut.GetAsync(new OpenStackRequest("compute", "/servers/detail"), CancellationToken.None));

        Assert.Contains("Connection reset by peer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2.104", "compute 2.79")]
    [InlineData("2.60", "compute 2.60")]
    public async Task GetAsync_UpToVersion_SendsTheNegotiatedMicroversion(string serviceMaximum, string expected)
    {
        _computeMaxima.Enqueue(serviceMaximum);
        var handler = Cloud(_ => StubHttpHandler.Json(HttpStatusCode.OK, """{"servers":[]}"""));
        var sut = CreateSut(handler);

        await sut.GetAsync(new OpenStackRequest("compute", "/servers/detail", ApiVersion.UpTo("compute", "2.79", minimum: "2.47")), CancellationToken.None);

        Assert.Equal(expected, Resource(handler).Single().Headers["OpenStack-API-Version"]);
    }

    [Fact]
    public async Task GetAsync_UpToVersionOnServiceWithoutMicroversions_SendsNoVersionHeader()
    {
        var handler = Cloud(_ => StubHttpHandler.Json(HttpStatusCode.OK, """{"stacks":[]}"""));
        var sut = CreateSut(handler);

        await sut.GetAsync(new OpenStackRequest("orchestration", "/stacks", ApiVersion.UpTo("orchestration", "1.0")), CancellationToken.None);

        Assert.DoesNotContain("OpenStack-API-Version", handler.Requests.Single(r => r.Uri.AbsolutePath.EndsWith("/stacks", StringComparison.Ordinal)).Headers.Keys);
    }

    [Fact]
    public async Task GetAsync_ServiceOlderThanTheMinimum_ThrowsWithoutSendingTheRequest()
    {
        _computeMaxima.Enqueue("2.40");
        var handler = Cloud(_ => StubHttpHandler.Json(HttpStatusCode.OK, "{}"));
        var sut = CreateSut(handler);

        var error = await Assert.ThrowsAsync<OpenStackException>(() => sut.GetAsync(new OpenStackRequest("compute", "/servers/detail", ApiVersion.UpTo("compute", "2.79", "2.47")), CancellationToken.None));

        Assert.Contains("2.1 to 2.40", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least 2.47", error.Message, StringComparison.Ordinal);
        Assert.Empty(Resource(handler));
    }

    [Fact]
    public async Task GetAsync_406ThenServiceDowngraded_RenegotiatesOnceAndSendsOnceMore()
    {
        _computeMaxima.Enqueue("2.104");
        _computeMaxima.Enqueue("2.60");
        var handler = Cloud(request => request.Headers.GetValues("OpenStack-API-Version").Single() == "compute 2.79"
            ? StubHttpHandler.Json(HttpStatusCode.NotAcceptable, """{"computeFault": {"code": 406, "message": "Version 2.79 is not supported by the API."}}""")
            : StubHttpHandler.Json(HttpStatusCode.OK, """{"servers":[]}"""));
        var sut = CreateSut(handler);

        await sut.GetAsync(new OpenStackRequest("compute", "/servers/detail", ApiVersion.UpTo("compute", "2.79")), CancellationToken.None);

        Assert.Equal(["compute 2.79", "compute 2.60"], Resource(handler).Select(r => r.Headers["OpenStack-API-Version"]));
        Assert.Equal(2, handler.Requests.Count(r => r.Uri == new Uri(ComputeVersion)));
    }

    [Fact]
    public async Task GetAsync_406AndTheVersionDocumentAgrees_ThrowsWithoutResending()
    {
        _computeMaxima.Enqueue("2.104");
        _computeMaxima.Enqueue("2.104");
        var handler = Cloud(_ => StubHttpHandler.Json(HttpStatusCode.NotAcceptable, """{"computeFault": {"code": 406, "message": "Version 2.79 is not supported by the API."}}"""));
        var sut = CreateSut(handler);

        var error = await Assert.ThrowsAsync<OpenStackApiException>(() => sut.GetAsync(new OpenStackRequest("compute", "/servers/detail", ApiVersion.UpTo("compute", "2.79")), CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotAcceptable, error.StatusCode);
        Assert.Contains("microversion compute 2.79 not acceptable", error.Message, StringComparison.Ordinal);
        Assert.Single(Resource(handler));
    }

    [Fact]
    public async Task GetAsync_406OnAnExactVersion_IsNotRetried()
    {
        var handler = Cloud(_ => StubHttpHandler.Json(HttpStatusCode.NotAcceptable, "{}"));
        var sut = CreateSut(handler);

        var error = await Assert.ThrowsAsync<OpenStackApiException>(() => sut.GetAsync(new OpenStackRequest("compute", "/servers/detail", new ApiVersion("compute", "2.99")), CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotAcceptable, error.StatusCode);
        Assert.Single(Resource(handler));
    }

    [Fact]
    public async Task GetAsync_ServiceKeepsFailing_ThrowsTheLastStatusAfterTheRetries()
    {
        var handler = Cloud(_ => StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, """{"message": "maintenance"}"""));
        var sut = CreateSut(handler, resilient: true);

        var error = await Assert.ThrowsAsync<OpenStackApiException>(() => _time.RunAsync(() => sut.GetAsync(new OpenStackRequest("compute", "/servers/detail"), CancellationToken.None)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(4, Resource(handler).Count);
    }

    [Fact]
    public async Task GetAsync_ServiceNeverAnswers_ThrowsOpenStackExceptionNamingTheTimeout()
    {
        var handler = Cloud((request, ct) => StubHttpHandler.NeverAnswerAsync(ct));
        var sut = CreateSut(handler, resilient: true);

        var error = await Assert.ThrowsAsync<OpenStackException>(() => _time.RunAsync(() => sut.GetAsync(new OpenStackRequest("compute", "/servers/detail"), CancellationToken.None)));

        Assert.Contains("request_timeout (60 s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, Resource(handler).Count);
    }

    [Fact]
    public async Task GetAsync_InvalidCredentials_ThrowsOpenStackExceptionNamingTheKey()
    {
        var handler = Cloud(_ => StubHttpHandler.Json(HttpStatusCode.OK, "{}"));
        var options = Substitute.For<IOptionsMonitor<ServiceCredentialsOptions>>();
        options.CurrentValue.Returns(_ => throw new OptionsValidationException(ServiceCredentialsOptions.SectionName, typeof(ServiceCredentialsOptions), ["[service_credentials] auth_url is missing"]));
        var factory = new StubHttpClientFactory(handler);
        var tokens = FakeKeystone.TokenProvider(factory, _time, options);
        var sut = new OpenStackClient(factory, tokens, FakeKeystone.Negotiator(factory, tokens, _time, options), options, _time, NullLogger<OpenStackClient>.Instance);

        var error = await Assert.ThrowsAsync<OpenStackException>(() => sut.GetAsync(new OpenStackRequest("compute", "/servers/detail"), CancellationToken.None));

        Assert.Contains("[service_credentials] auth_url is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAllAsync_UpToVersion_EveryPageGetsTheNegotiatedVersionFromOneDiscovery()
    {
        _computeMaxima.Enqueue("2.60");
        var handler = Cloud(request => StubHttpHandler.Json(HttpStatusCode.OK, request.RequestUri!.Query.Contains("marker=b", StringComparison.Ordinal)
            ? """{"servers": [{"id": "c"}]}"""
            : """{"servers": [{"id": "a"}, {"id": "b"}], "servers_links": [{"rel": "next", "href": "http://nova.test/compute/v2.1/servers/detail?limit=2&marker=b"}]}"""));
        var reader = new CollectionReader(CreateSut(handler));
        var request = new CollectionRequest("compute", "/servers/detail", "servers", 2) { LinksKey = "servers_links", Version = ApiVersion.UpTo("compute", "2.79", "2.47") };

        var items = await reader.ReadAllAsync(request, CancellationToken.None).ToListAsync();

        Assert.Equal(["a", "b", "c"], items.Select(i => i.Id));
        Assert.All(Resource(handler), r => Assert.Equal("compute 2.60", r.Headers["OpenStack-API-Version"]));
        Assert.Equal(1, handler.Requests.Count(r => r.Uri == new Uri(ComputeVersion)));
    }

    private static List<(HttpMethod Method, Uri Uri, Dictionary<string, string> Headers)> Resource(StubHttpHandler handler) =>
        handler.Requests.Where(r => r.Method == HttpMethod.Get && r.Uri.AbsolutePath.Contains("/servers", StringComparison.Ordinal)).ToList();

    private StubHttpHandler Cloud(Func<HttpRequestMessage, HttpResponseMessage> service) =>
        Cloud((request, _) => Task.FromResult(service(request)));

    private StubHttpHandler Cloud(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> service) =>
        new((request, ct) => request switch
        {
            { Method.Method: "POST" } => Task.FromResult(FakeKeystone.TokenResponse($"token-{Interlocked.Increment(ref _tokens)}", _time.GetUtcNow().AddHours(1))),
            _ when request.RequestUri == new Uri(ComputeVersion) =>
                Task.FromResult(StubHttpHandler.Json(HttpStatusCode.OK, Fixtures.Read("compute-version.json").Replace("2.104", _computeMaxima.Dequeue(), StringComparison.Ordinal))),
            _ when request.RequestUri!.AbsolutePath == "/orchestration/v1" =>
                Task.FromResult(StubHttpHandler.Json(HttpStatusCode.MultipleChoices, """{"versions": [{"id": "v1.0", "status": "CURRENT", "links": [{"href": "http://heat.test/orchestration/v1/", "rel": "self"}]}]}""")),
            _ => service(request, ct),
        });

    private OpenStackClient CreateSut(StubHttpHandler handler, bool resilient = false)
    {
        var options = FakeKeystone.Options();
        IHttpClientFactory factory = resilient ? new ResilientHttp(handler, _time, options.CurrentValue) : new StubHttpClientFactory(handler);
        var tokens = FakeKeystone.TokenProvider(factory, _time, options);
        var negotiator = FakeKeystone.Negotiator(factory, tokens, _time, options);
        return new OpenStackClient(factory, tokens, negotiator, options, _time, NullLogger<OpenStackClient>.Instance);
    }
}
