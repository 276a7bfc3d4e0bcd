using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Synchronizer.FunctionalTests.RealCloud.Rest;

/// <summary>
/// The tests' own REST access to the real cloud: a Keystone token (renewed before it expires and
/// after a 401) and endpoints from its catalog. Written apart from Synchronizer.OpenStack, so that a
/// misreading of the APIs cannot hide by appearing on both sides of a test.
/// </summary>
internal sealed class CloudSession : IDisposable
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _authenticating = new(1, 1);
    private readonly RealCloudEnvironment _cloud;
    private readonly CloudCredentials _credentials;
    private KeystoneToken? _token;

    public CloudSession(RealCloudEnvironment cloud, CloudCredentials credentials)
    {
        _cloud = cloud;
        _credentials = credentials;
    }

    public async Task<string> ProjectIdAsync(CancellationToken cancellationToken = default) => (await TokenAsync(cancellationToken)).ProjectId;

    /// <summary>Sends one request to a service of the catalog and returns its answer, whatever the status.</summary>
    /// <param name="serviceType">The catalog type: compute, volumev3, orchestration, image.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path below the endpoint, with its query.</param>
    /// <param name="body">Serialized as the JSON body, when not null.</param>
    /// <param name="microversion">The <c>OpenStack-API-Version</c> value, for example <c>compute 2.79</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<CloudResponse> SendAsync(string serviceType, HttpMethod method, string path, object? body, string? microversion, CancellationToken cancellationToken = default)
    {
        var token = await TokenAsync(cancellationToken);
        var response = await SendOnceAsync(token, serviceType, method, path, body, microversion, cancellationToken);
        if (response.Status == HttpStatusCode.Unauthorized)
        {
            Interlocked.CompareExchange(ref _token, null, token);
            response = await SendOnceAsync(await TokenAsync(cancellationToken), serviceType, method, path, body, microversion, cancellationToken);
        }

        return response;
    }

    public void Dispose() => _authenticating.Dispose();

    // A connection of its own per request, closed with it. The stack's uwsgi services (--http11-socket,
    // two threads) give each open keep-alive connection a thread until it has idled 4 s, so a pooled
    // connection of the tests would stall the synchronizer's own reads; and a service restart (a
    // token-lifetime change, a developer's down/up) would reset a pooled one. .NET keeps the socket
    // open even after a "Connection: close" request, so only disposing the handler closes it.
    private static HttpClient NewClient() => new(new SocketsHttpHandler(), disposeHandler: true) { Timeout = RequestTimeout };

    private async Task<CloudResponse> SendOnceAsync(
        KeystoneToken token, string serviceType, HttpMethod method, string path, object? body, string? microversion, CancellationToken cancellationToken)
    {
        var url = token.Endpoint(serviceType, _cloud.Interface, _cloud.RegionName) + path;
        using var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("X-Auth-Token", token.Value);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (microversion is not null)
        {
            request.Headers.TryAddWithoutValidation("OpenStack-API-Version", microversion);
        }

        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        using var http = NewClient();
        using var response = await http.SendAsync(request, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new CloudResponse(response.StatusCode, $"{method} {serviceType} {path}", bytes);
    }

    private async Task<KeystoneToken> TokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } current && DateTimeOffset.UtcNow < current.ExpiresAt - RenewBefore)
        {
            return current;
        }

        await _authenticating.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } raced && DateTimeOffset.UtcNow < raced.ExpiresAt - RenewBefore)
            {
                return raced;
            }

            using var http = NewClient();
            _token = await KeystoneToken.IssueAsync(http, _cloud, _credentials, cancellationToken);
            return _token;
        }
        finally
        {
            _authenticating.Release();
        }
    }
}
