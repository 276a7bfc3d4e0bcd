using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Synchronizer.OpenStack.Identity;
using Synchronizer.OpenStack.Microversions;

namespace Synchronizer.OpenStack;

/// <summary>
/// Adds the token and microversion headers, resolves the endpoint from the catalog, negotiates
/// microversions, and turns every HTTP failure into an <see cref="OpenStackException"/> at this edge.
/// Retries and time-outs happen below, in the <see cref="Resilience.ResilienceHandler"/> of the client.
/// </summary>
internal sealed class OpenStackClient : IOpenStackClient
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ITokenProvider _tokens;
    private readonly IMicroversionNegotiator _negotiator;
    private readonly IOptionsMonitor<ServiceCredentialsOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<OpenStackClient> _logger;

    public OpenStackClient(
        IHttpClientFactory httpClientFactory,
        ITokenProvider tokens,
        IMicroversionNegotiator negotiator,
        IOptionsMonitor<ServiceCredentialsOptions> options,
        TimeProvider timeProvider,
        ILogger<OpenStackClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _tokens = tokens;
        _negotiator = negotiator;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<byte[]> GetAsync(OpenStackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await GetCoreAsync(request, cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            // Start-up validation normally stops the service first; a poll must still fail as one kind.
            throw new OpenStackException($"{request.ServiceType} GET {request.Path} cannot be sent: {ex.Message}", ex);
        }
    }

    private async Task<byte[]> GetCoreAsync(OpenStackRequest request, CancellationToken cancellationToken)
    {
        var version = await ResolveVersionAsync(request, cancellationToken);
        var (status, body) = await SendAuthenticatedAsync(request, version, cancellationToken);

        // A 406 is never repeated as it was: the service's versions are read again, and the request
        // is sent once more only if that changes the negotiated microversion.
        if (status == HttpStatusCode.NotAcceptable && version is not null)
        {
            _negotiator.Invalidate(request.ServiceType);
            if (request.Version!.IsMaximum)
            {
                Log.MicroversionRefused(_logger, request.ServiceType, request.Path, version.Version);
                var renegotiated = await ResolveVersionAsync(request, cancellationToken);
                if (renegotiated != version)
                {
                    version = renegotiated;
                    (status, body) = await SendAuthenticatedAsync(request, version, cancellationToken);
                }
            }
        }

        if ((int)status is < 200 or > 299)
        {
            var refused = status == HttpStatusCode.NotAcceptable && version is not null ? $" (microversion {version} not acceptable)" : string.Empty;
            throw new OpenStackApiException(status, $"{request.ServiceType} GET {request.Path} answered {(int)status}{refused}: {ErrorBodies.Describe(body)}");
        }

        return body;
    }

    private async Task<ApiVersion?> ResolveVersionAsync(OpenStackRequest request, CancellationToken cancellationToken)
    {
        if (request.Version is not { IsMaximum: true } wanted)
        {
            return request.Version;
        }

        if (!Microversion.TryParse(wanted.Version, out var maximum))
        {
            throw new OpenStackException($"{request.ServiceType}: the microversion '{wanted.Version}' is not a version such as 2.79: fix the configured microversion.");
        }

        Microversion? minimum = null;
        if (wanted.Minimum is not null)
        {
            minimum = Microversion.TryParse(wanted.Minimum, out var parsed) ? parsed
                : throw new OpenStackException($"{request.ServiceType}: the minimum microversion '{wanted.Minimum}' is not a version such as 2.47.");
        }

        return await _negotiator.NegotiateAsync(request.ServiceType, wanted.ServiceName, maximum, minimum, cancellationToken);
    }

    private async Task<(HttpStatusCode Status, byte[] Body)> SendAuthenticatedAsync(OpenStackRequest request, ApiVersion? version, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetTokenAsync(cancellationToken);
        var (status, body) = await SendOnceAsync(request, version, token, cancellationToken);

        // A token can be revoked or expire early; renew once and retry, as keystoneauth does.
        if (status == HttpStatusCode.Unauthorized)
        {
            _tokens.Invalidate(token);
            token = await _tokens.GetTokenAsync(cancellationToken);
            (status, body) = await SendOnceAsync(request, version, token, cancellationToken);
        }

        return (status, body);
    }

    private async Task<(HttpStatusCode Status, byte[] Body)> SendOnceAsync(OpenStackRequest request, ApiVersion? version, KeystoneToken token, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var endpoint = token.Catalog.GetEndpoint(request.ServiceType, options.Interface, options.RegionName);
        var client = _httpClientFactory.CreateClient(OpenStackHttpClientNames.Services);
        var started = _timeProvider.GetTimestamp();
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint + request.PathAndQuery));
            message.Headers.TryAddWithoutValidation("X-Auth-Token", token.Value);
            message.Headers.Accept.Add(new("application/json"));
            if (version is not null)
            {
                message.Headers.TryAddWithoutValidation("OpenStack-API-Version", version.ToString());
                if (version.ServiceName == "compute")
                {
                    // Nova before 2.27 only reads its legacy header; sending both is what novaclient does.
                    message.Headers.TryAddWithoutValidation("X-OpenStack-Nova-API-Version", version.Version);
                }
            }

            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var elapsedMs = (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds;
            Log.RequestCompleted(_logger, request.ServiceType, request.Path, (int)response.StatusCode, elapsedMs);
            return (response.StatusCode, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutRejectedException or UriFormatException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new OpenStackException($"{request.ServiceType} GET {request.Path} failed: {Describe(ex, options)}", ex);
        }
    }

    private static string Describe(Exception exception, ServiceCredentialsOptions options) => exception switch
    {
        TimeoutRejectedException timeout when timeout.Timeout >= TimeSpan.FromSeconds(options.TotalTimeoutSeconds) =>
            string.Create(CultureInfo.InvariantCulture, $"no answer within total_timeout ({options.TotalTimeoutSeconds} s), retries included"),
        TimeoutRejectedException => string.Create(CultureInfo.InvariantCulture, $"timed out after request_timeout ({options.RequestTimeoutSeconds} s) on each of {options.MaxRetries + 1} attempts"),
        TaskCanceledException => "timed out",
        _ => exception.Message,
    };
}
