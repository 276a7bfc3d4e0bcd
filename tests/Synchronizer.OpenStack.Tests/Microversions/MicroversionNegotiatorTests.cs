using System.Net;
using Synchronizer.OpenStack.Microversions;

namespace Synchronizer.OpenStack.Tests.Microversions;

public sealed class MicroversionNegotiatorTests : IDisposable
{
    private static readonly Uri ComputeDocument = new(FakeKeystone.ComputeUrl);
    private static readonly Uri VolumeDocument = new("http://cinder.test/volume/v3");
    private static readonly Uri VolumeRoot = new("http://cinder.test/volume/");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<Uri, Func<HttpResponseMessage>> _documents = [];
    private readonly StubHttpHandler _handler;

    public MicroversionNegotiatorTests()
    {
        _handler = new(request => request.Method == HttpMethod.Post
            ? FakeKeystone.TokenResponse("token", _time.GetUtcNow().AddDays(1))
            : _documents.TryGetValue(request.RequestUri!, out var answer) ? answer() : StubHttpHandler.Json(HttpStatusCode.NotFound, "{}"));
        _documents[ComputeDocument] = () => Compute("2.104");
    }

    [Theory]
    [InlineData("2.104", "2.79", "2.79")]
    [InlineData("2.60", "2.79", "2.60")]
    [InlineData("2.79", "2.79", "2.79")]
    public async Task NegotiateAsync_Compute_PicksTheLowerOfConfiguredAndServiceMaximum(string serviceMaximum, string configured, string expected)
    {
        _documents[ComputeDocument] = () => Compute(serviceMaximum);

        var version = await CreateSut().NegotiateAsync("compute", "compute", Microversion.Parse(configured), new Microversion(2, 47), CancellationToken.None);

        Assert.Equal(new ApiVersion("compute", expected), version);
    }

    [Fact]
    public async Task NegotiateAsync_ServiceBelowTheMinimum_ThrowsNamingRangeAndMinimum()
    {
        _documents[ComputeDocument] = () => Compute("2.40");

        var error = await Assert.ThrowsAsync<OpenStackException>(() => CreateSut().NegotiateAsync("compute", "compute", new Microversion(2, 79), new Microversion(2, 47), CancellationToken.None));

        Assert.Equal($"compute at {FakeKeystone.ComputeUrl} supports microversions 2.1 to 2.40; at least 2.47 is needed: upgrade the service.", error.Message);
    }

    [Fact]
    public async Task NegotiateAsync_ConfiguredBelowTheServiceMinimum_ThrowsNamingTheFix()
    {
        _documents[ComputeDocument] = () => StubHttpHandler.Json(HttpStatusCode.OK, Fixtures.Read("compute-version.json").Replace("\"2.1\"", "\"2.60\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<OpenStackException>(() => CreateSut().NegotiateAsync("compute", "compute", new Microversion(2, 50), null, CancellationToken.None));

        Assert.Contains("configure 2.60 or newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NegotiateAsync_MinimumAboveMaximum_Throws()
    {
        await Assert.ThrowsAsync<OpenStackException>(() => CreateSut().NegotiateAsync("compute", "compute", new Microversion(2, 40), new Microversion(2, 47), CancellationToken.None));
    }

    [Fact]
    public async Task NegotiateAsync_Twice_ReadsTheVersionDocumentOnce()
    {
        var sut = CreateSut();

        await sut.NegotiateAsync("compute", "compute", new Microversion(2, 79), null, CancellationToken.None);
        await sut.NegotiateAsync("compute", "compute", new Microversion(2, 90), null, CancellationToken.None);

        Assert.Equal(1, Reads(ComputeDocument));
    }

    [Fact]
    public async Task NegotiateAsync_AfterTheTtl_ReadsTheVersionDocumentAgain()
    {
        var sut = CreateSut();
        await sut.NegotiateAsync("compute", "compute", new Microversion(2, 79), null, CancellationToken.None);
        _documents[ComputeDocument] = () => Compute("2.60");

        _time.Advance(TimeSpan.FromHours(1));
        var version = await sut.NegotiateAsync("compute", "compute", new Microversion(2, 79), null, CancellationToken.None);

        Assert.Equal("2.60", version!.Version);
        Assert.Equal(2, Reads(ComputeDocument));
    }

    [Fact]
    public async Task Invalidate_NextNegotiation_ReadsTheVersionDocumentAgain()
    {
        var sut = CreateSut();
        await sut.NegotiateAsync("compute", "compute", new Microversion(2, 79), null, CancellationToken.None);

        sut.Invalidate("compute");
        await sut.NegotiateAsync("compute", "compute", new Microversion(2, 79), null, CancellationToken.None);

        Assert.Equal(2, Reads(ComputeDocument));
    }

    [Fact]
    public async Task NegotiateAsync_DocumentFailedOnce_TheFailureIsNotCached()
    {
        var calls = 0;
        _documents[ComputeDocument] = () => ++calls == 1 ? StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, "{}") : Compute("2.104");
        var sut = CreateSut();

        await Assert.ThrowsAsync<OpenStackApiException>(() => sut.NegotiateAsync("compute", "compute", new Microversion(2, 79), null, CancellationToken.None));
        var version = await sut.NegotiateAsync("compute", "compute", new Microversion(2, 79), null, CancellationToken.None);

        Assert.Equal("2.79", version!.Version);
    }

    [Fact]
    public async Task NegotiateAsync_Cinder_ReadsTheEndpointWithoutItsProjectId()
    {
        _documents[VolumeDocument] = () => StubHttpHandler.Json(HttpStatusCode.OK, Fixtures.Read("volume-versions.json"));

        var version = await CreateSut().NegotiateAsync("volumev3", "volume", new Microversion(3, 80), new Microversion(3, 0), CancellationToken.None);

        Assert.Equal(new ApiVersion("volume", "3.71"), version);
        Assert.DoesNotContain(_handler.Requests, r => r.Method == HttpMethod.Get && r.Headers.ContainsKey("X-Auth-Token"));
    }

    [Fact]
    public async Task NegotiateAsync_EndpointHasNoDocument_FallsBackToTheRoot()
    {
        _documents[VolumeRoot] = () => StubHttpHandler.Json(HttpStatusCode.MultipleChoices, Fixtures.Read("volume-versions.json"));

        var version = await CreateSut().NegotiateAsync("volumev3", "volume", new Microversion(3, 60), null, CancellationToken.None);

        Assert.Equal("3.60", version!.Version);
        Assert.Equal(1, Reads(VolumeDocument));
    }

    [Fact]
    public async Task NegotiateAsync_NoDocumentAnywhere_ThrowsListingWhatWasTried()
    {
        var error = await Assert.ThrowsAsync<OpenStackException>(() => CreateSut().NegotiateAsync("volumev3", "volume", new Microversion(3, 60), null, CancellationToken.None));

        Assert.Contains($"{VolumeDocument} answered 404", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{VolumeRoot} answered 404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NegotiateAsync_ServiceWithoutMicroversions_NoHeaderUnlessAMinimumIsNeeded()
    {
        _documents[new Uri("http://heat.test/orchestration/v1")] = () => StubHttpHandler.Json(HttpStatusCode.MultipleChoices, """{"versions": [{"id": "v1.0", "status": "CURRENT", "links": []}]}""");
        var sut = CreateSut();

        Assert.Null(await sut.NegotiateAsync("orchestration", "orchestration", new Microversion(1, 0), null, CancellationToken.None));
        var error = await Assert.ThrowsAsync<OpenStackException>(() => sut.NegotiateAsync("orchestration", "orchestration", new Microversion(1, 5), new Microversion(1, 1), CancellationToken.None));
        Assert.Contains("offers no microversions", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _handler.Dispose();

    private static HttpResponseMessage Compute(string maximum) =>
        StubHttpHandler.Json(HttpStatusCode.OK, Fixtures.Read("compute-version.json").Replace("2.104", maximum, StringComparison.Ordinal));

    private int Reads(Uri document) => _handler.Requests.Count(r => r.Uri == document);

    private MicroversionNegotiator CreateSut()
    {
        var factory = new StubHttpClientFactory(_handler);
        return FakeKeystone.Negotiator(factory, FakeKeystone.TokenProvider(factory, _time), _time);
    }
}
