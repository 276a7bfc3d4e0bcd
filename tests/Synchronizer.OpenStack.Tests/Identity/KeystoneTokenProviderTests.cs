using System.Net;
using Synchronizer.OpenStack.Identity;

namespace Synchronizer.OpenStack.Tests.Identity;

public class KeystoneTokenProviderTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private int _issued;

    [Fact]
    public async Task GetTokenAsync_Twice_AuthenticatesOnce()
    {
        var handler = Keystone(TimeSpan.FromHours(1));
        using var sut = FakeKeystone.TokenProvider(handler, _time);

        var first = await sut.GetTokenAsync(CancellationToken.None);
        var second = await sut.GetTokenAsync(CancellationToken.None);

        Assert.Same(first, second);
        Assert.Single(handler.Requests);
        Assert.Equal(new Uri(FakeKeystone.AuthUrl + "/auth/tokens"), handler.Requests[0].Uri);
        Assert.Equal("p1", first.ProjectId);
    }

    [Fact]
    public async Task GetTokenAsync_NearExpiry_RenewsBeforeItExpires()
    {
        var handler = Keystone(TimeSpan.FromHours(1));
        using var sut = FakeKeystone.TokenProvider(handler, _time);
        var first = await sut.GetTokenAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(56));
        var renewed = await sut.GetTokenAsync(CancellationToken.None);

        Assert.NotEqual(first.Value, renewed.Value);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Invalidate_RejectedToken_NextCallAuthenticatesAgain()
    {
        var handler = Keystone(TimeSpan.FromHours(1));
        using var sut = FakeKeystone.TokenProvider(handler, _time);
        var first = await sut.GetTokenAsync(CancellationToken.None);

        sut.Invalidate(first);
        var second = await sut.GetTokenAsync(CancellationToken.None);

        Assert.NotEqual(first.Value, second.Value);
    }

    [Fact]
    public async Task GetTokenAsync_BadCredentials_ThrowsWithoutThePassword()
    {
        var handler = new StubHttpHandler(_ => StubHttpHandler.Json(HttpStatusCode.Unauthorized, """{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}"""));
        using var sut = FakeKeystone.TokenProvider(handler, _time);

        var error = await Assert.ThrowsAsync<OpenStackApiException>(async () => await sut.GetTokenAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("[service_credentials]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pass", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTokenAsync_KeystoneUnreachable_ThrowsOpenStackException()
    {
        var handler = new StubHttpHandler(_ => throw new HttpRequestException("Connection refused"));
        using var sut = FakeKeystone.TokenProvider(handler, _time);

        var error = await Assert.ThrowsAsync<OpenStackException>(async () => await sut.GetTokenAsync(CancellationToken.None));

        Assert.Contains("Connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverShowsTheTokenValue()
    {
        var token = new KeystoneToken("gAAAAA-secret-token", DateTimeOffset.UnixEpoch, "p1", ServiceCatalog.Parse(default));

        Assert.DoesNotContain("gAAAAA-secret-token", token.ToString(), StringComparison.Ordinal);
    }

    private StubHttpHandler Keystone(TimeSpan lifetime) =>
        new(_ => FakeKeystone.TokenResponse($"token-{Interlocked.Increment(ref _issued)}", _time.GetUtcNow() + lifetime));
}
