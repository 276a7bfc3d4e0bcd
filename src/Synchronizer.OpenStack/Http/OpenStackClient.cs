using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Synchronizer.OpenStack.Identity;

namespace Synchronizer.OpenStack;

/// <summary>
/// Adds the token and microversion headers, resolves the endpoint from the catalog, and turns every
/// HTTP failure into an <see cref="OpenStackException"/> at this edge.
/// </summary>
internal sealed class OpenStackClient : IOpenStackClient
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ITokenProvider _tokens;
    private readonly IOptionsMonitor<ServiceCredentialsOptions> _options;
    private readonly ILogger<OpenStackClient> _logger;

    public OpenStackClient(
        IHttpClientFactory httpClientFactory,
        ITokenProvider tokens,
        IOptionsMonitor<ServiceCredentialsOptions> options,
        ILogger<OpenStackClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _tokens = tokens;
        _options = options;
        _logger = logger;
    }

    public async Task<byte[]> GetAsync(OpenStackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await _tokens.GetTokenAsync(cancellationToken);
        var (status, body) = await SendOnceAsync(request, token, cancellationToken);

        // A token can be revoked or expire early; renew once and retry, as keystoneauth does.
        if (status == HttpStatusCode.Unauthorized)
        {
            _tokens.Invalidate(token);
            token = await _tokens.GetTokenAsync(cancellationToken);
            (status, body) = await SendOnceAsync(request, token, cancellationToken);
        }

        if ((int)status is < 200 or > 299)
        {
            throw new OpenStackApiException(status, $"{request.ServiceType} GET {request.Path} answered {(int)status}: {ErrorBodies.Describe(body)}");
        }

        return body;
    }

    private async Task<(HttpStatusCode Status, byte[] Body)> SendOnceAsync(OpenStackRequest request, KeystoneToken token, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var endpoint = token.Catalog.GetEndpoint(request.ServiceType, options.Interface, options.RegionName);
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint + request.PathAndQuery));
        message.Headers.Add("X-Auth-Token", token.Value);
        message.Headers.Accept.Add(new("application/json"));
        if (request.Version is { } version)
        {
            message.Headers.Add("OpenStack-API-Version", version.ToString());
            if (version.ServiceName == "compute")
            {
                // Nova before 2.27 only reads its legacy header; sending both is what novaclient does.
                message.Headers.Add("X-OpenStack-Nova-API-Version", version.Version);
            }
        }

        var client = _httpClientFactory.CreateClient(OpenStackHttpClientNames.Services);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.RequestCompleted(_logger, request.ServiceType, request.Path, (int)response.StatusCode, elapsedMs);
            return (response.StatusCode, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var what = ex is TaskCanceledException ? $"timed out after {client.Timeout.TotalSeconds:0.#} s" : ex.Message;
            throw new OpenStackException($"{request.ServiceType} GET {request.Path} failed: {what}", ex);
        }
    }
}
