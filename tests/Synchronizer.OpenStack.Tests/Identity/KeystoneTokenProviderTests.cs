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
    public async Task GetTokenAsync_AfterTheTokenExpired_AuthenticatesAgain()
    {
        var handler = Keystone(TimeSpan.FromHours(1));
        using var sut = FakeKeystone.TokenProvider(handler, _time);
        var first = await sut.GetTokenAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromHours(2));
        var renewed = await sut.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-2", renewed.Value);
        Assert.True(renewed.ExpiresAt > _time.GetUtcNow());
        Assert.NotEqual(first.Value, renewed.Value);
    }

    [Fact]
    public async Task GetTokenAsync_ConcurrentCallers_ShareOneAuthentication()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new StubHttpHandler(async (_, _) =>
        {
            entered.TrySetResult();
            await release.Task;
            return FakeKeystone.TokenResponse($"token-{Interlocked.Increment(ref _issued)}", _time.GetUtcNow().AddHours(1));
        });
        using var sut = FakeKeystone.TokenProvider(handler, _time);

        var first = sut.GetTokenAsync(CancellationToken.None).AsTask();
        await entered.Task;
        var others = Enumerable.Range(0, 7).Select(_ => sut.GetTokenAsync(CancellationToken.None).AsTask()).ToArray();
        Assert.All(others, t => Assert.False(t.IsCompleted));
        release.SetResult();
        var tokens = await Task.WhenAll(others.Prepend(first));

        Assert.All(tokens, t => Assert.Equal("token-1", t.Value));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Invalidate_AnOlderToken_KeepsTheRenewedOne()
    {
        var handler = Keystone(TimeSpan.FromHours(1));
        using var sut = FakeKeystone.TokenProvider(handler, _time);
        var first = await sut.GetTokenAsync(CancellationToken.None);
        sut.Invalidate(first);
        var second = await sut.GetTokenAsync(CancellationToken.None);

        sut.Invalidate(first);

        Assert.Same(second, await sut.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task GetTokenAsync_ApplicationCredential_AuthenticatesWithIdAndSecret()
    {
        var bodies = new List<string>();
        var handler = new StubHttpHandler(async (request, ct) =>
        {
            bodies.Add(await request.Content!.ReadAsStringAsync(ct));
            return FakeKeystone.TokenResponse("token-1", _time.GetUtcNow().AddHours(1));
        });
        var options = FakeKeystone.Options(o =>
        {
            o.AuthType = AuthTypes.ApplicationCredential;
            o.ApplicationCredentialId = "423f19a4ac1e4f48bbb4180756e6eb6c";
            o.ApplicationCredentialSecret = "rEaqvJka48mpv";
        });
        using var sut = FakeKeystone.TokenProvider(handler, _time, options);

        var token = await sut.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", token.Value);
        JsonAssert.Equal(Fixtures.Read("auth-tokens.application-credential.request.json"), Assert.Single(bodies));
    }

    [Fact]
    public async Task GetTokenAsync_KeystoneUnavailableOnce_RetriesAndAuthenticates()
    {
        var calls = 0;
        var handler = new StubHttpHandler(_ => ++calls == 1
            ? StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, """{"error": {"message": "Service Unavailable"}}""")
            : FakeKeystone.TokenResponse("token-1", _time.GetUtcNow().AddHours(1)));
        using var sut = FakeKeystone.TokenProvider(new ResilientHttp(handler, _time), _time);

        var token = await _time.RunAsync(async () => await sut.GetTokenAsync(CancellationToken.None));

        Assert.Equal("token-1", token.Value);
        Assert.Equal(2, handler.Requests.Count);
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
