using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Synchronizer.OpenStack.Identity;

/// <summary>
/// Authenticates against Keystone v3 and keeps one token, renewed a margin before it expires and
/// again after a service rejects it. Concurrent callers share one authentication request.
/// </summary>
internal sealed class KeystoneTokenProvider : ITokenProvider, IDisposable
{
    private static readonly TimeSpan MaxRenewalMargin = TimeSpan.FromMinutes(5);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<ServiceCredentialsOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<KeystoneTokenProvider> _logger;
    private readonly SemaphoreSlim _authenticating = new(1, 1);
    private KeystoneToken? _current;
    private DateTimeOffset _renewAt;

    public KeystoneTokenProvider(
        IHttpClientFactory httpClientFactory,
        IOptionsMonitor<ServiceCredentialsOptions> options,
        TimeProvider timeProvider,
        ILogger<KeystoneTokenProvider> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async ValueTask<KeystoneToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var token = _current;
        if (token is not null && _timeProvider.GetUtcNow() < _renewAt)
        {
            return token;
        }

        await _authenticating.WaitAsync(cancellationToken);
        try
        {
            if (_current is not null && _timeProvider.GetUtcNow() < _renewAt)
            {
                return _current;
            }

            var issuedAt = _timeProvider.GetUtcNow();
            var fresh = await AuthenticateAsync(cancellationToken);

            // Renew a tenth of the lifetime early (at most five minutes), so a token never expires mid-poll.
            var lifetime = fresh.ExpiresAt - issuedAt;
            var margin = TimeSpan.FromTicks(Math.Min(MaxRenewalMargin.Ticks, Math.Max(0, lifetime.Ticks / 10)));
            _renewAt = fresh.ExpiresAt - margin;
            _current = fresh;
            Log.TokenIssued(_logger, fresh.ProjectId, fresh.ExpiresAt);
            return fresh;
        }
        finally
        {
            _authenticating.Release();
        }
    }

    public void Invalidate(KeystoneToken rejected)
    {
        // Only the token that was refused is dropped: a concurrent caller may already have renewed it.
        if (ReferenceEquals(Interlocked.CompareExchange(ref _current, null, rejected), rejected))
        {
            Log.TokenRejected(_logger, rejected.ProjectId);
        }
    }

    public void Dispose() => _authenticating.Dispose();

    private async Task<KeystoneToken> AuthenticateAsync(CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var url = TokensUrl(options.AuthUrl);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(KeystoneAuthRequest.Write(options)),
        };
        request.Content.Headers.ContentType = new("application/json");

        var client = _httpClientFactory.CreateClient(OpenStackHttpClientNames.Identity);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutRejectedException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new OpenStackException($"Keystone at {url} could not be reached: {ex.Message}", ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new OpenStackApiException(response.StatusCode, $"Keystone at {url} refused the credentials ({options.AuthType} auth): check [service_credentials].");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new OpenStackApiException(response.StatusCode, $"Keystone at {url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            var value = response.Headers.TryGetValues("X-Subject-Token", out var values) ? values.FirstOrDefault() : null;
            if (string.IsNullOrEmpty(value))
            {
                throw new OpenStackException($"Keystone at {url} answered without an X-Subject-Token header.");
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return ReadToken(value, body, url);
        }
    }

    private static KeystoneToken ReadToken(string value, byte[] body, Uri url)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var token = document.RootElement.GetProperty("token");
            var expiresAt = token.GetProperty("expires_at").GetDateTimeOffset();
            var projectId = token.TryGetProperty("project", out var project) ? project.GetProperty("id").GetString() ?? string.Empty : string.Empty;
            var catalog = token.TryGetProperty("catalog", out var c) ? ServiceCatalog.Parse(c) : ServiceCatalog.Parse(default);
            return new KeystoneToken(value, expiresAt, projectId, catalog);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new OpenStackException($"Keystone at {url} answered a token body that cannot be read: {ex.Message}", ex);
        }
    }

    private static Uri TokensUrl(string authUrl)
    {
        var trimmed = authUrl.TrimEnd('/');
        if (!trimmed.EndsWith("/v3", StringComparison.Ordinal))
        {
            trimmed += "/v3";
        }

        return new Uri(trimmed + "/auth/tokens");
    }
}
