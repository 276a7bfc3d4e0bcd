using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSubstitute;
using Synchronizer.Service.AdminApi;

namespace Synchronizer.Service.Tests.AdminApi;

public sealed class AdminApiAuthenticationTests
{
    private const string Token = "s3cr3t-admin-token-0123456789";
    private readonly IBusConnectionProbe _bus = Substitute.For<IBusConnectionProbe>();

    [Theory]
    [InlineData("0.0.0.0:9480")]
    [InlineData("[::]:9480")]
    [InlineData("192.0.2.10:9480")]
    public async Task Start_BeyondLoopbackWithoutToken_RefusesNamingTheKeyAndTheFix(string bind)
    {
        await using var provider = AdminApiServer.Build([new ListPoller("nova.instance")], _bus, new Dictionary<string, string?> { ["admin_api:bind"] = bind });
        var hosted = provider.GetRequiredService<AdminApiHostedService>();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => hosted.StartAsync(CancellationToken.None));

        Assert.Contains("[admin_api] admin_token", ex.Message, StringComparison.Ordinal);
        Assert.Contains("set admin_token", ex.Message, StringComparison.Ordinal);
        Assert.Null(hosted.Address);
    }

    [Fact]
    public async Task Start_MalformedBind_RefusesNamingTheKey()
    {
        await using var provider = AdminApiServer.Build([new ListPoller("nova.instance")], _bus, new Dictionary<string, string?> { ["admin_api:bind"] = "somewhere" });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => provider.GetRequiredService<AdminApiHostedService>().StartAsync(CancellationToken.None));

        Assert.Contains("[admin_api] bind = 'somewhere'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PortInUse_RefusesNamingTheBind()
    {
        await using var first = await StartAsync(Token);
        var taken = $"127.0.0.1:{first.Hosted.Address!.Port}";
        await using var provider = AdminApiServer.Build([new ListPoller("nova.instance")], _bus, new Dictionary<string, string?> { ["admin_api:bind"] = taken });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetRequiredService<AdminApiHostedService>().StartAsync(CancellationToken.None));

        Assert.Contains($"[admin_api] bind = {taken}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_TokenConfiguredButNoHeader_Answers401JsonError()
    {
        await using var server = await StartAsync(Token);

        using var response = await server.Client.GetAsync(new Uri("healthz", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Unauthorized", json.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.DoesNotContain(Token, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer", "wrong-token")]
    [InlineData("Bearer", Token + "x")]
    [InlineData("Bearer", "s3cr3t")]
    [InlineData("Basic", Token)]
    public async Task Request_WrongToken_Answers401(string scheme, string token)
    {
        await using var server = await StartAsync(Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("v1/sync/nova.instance", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("healthz")]
    [InlineData("metrics")]
    [InlineData("v1/types")]
    public async Task Request_RightToken_IsServed(string path)
    {
        await using var server = await StartAsync(Token);
        server.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_UnknownPathWithoutToken_Answers401NotRevealingRoutes()
    {
        await using var server = await StartAsync(Token);

        using var response = await server.Client.GetAsync(new Uri("v2/nothing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<AdminApiServer> StartAsync(string token) =>
        AdminApiServer.StartAsync([new ListPoller("nova.instance")], _bus, new Dictionary<string, string?> { ["admin_api:admin_token"] = token });
}
