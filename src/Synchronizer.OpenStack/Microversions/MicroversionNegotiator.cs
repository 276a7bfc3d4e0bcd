using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Synchronizer.OpenStack.Identity;

namespace Synchronizer.OpenStack.Microversions;

/// <summary>
/// Reads each service's version document once per <c>version_discovery_ttl</c> and endpoint, and picks
/// <c>min(configured maximum, service maximum)</c> when it is at least the caller's minimum.
/// </summary>
internal sealed class MicroversionNegotiator : IMicroversionNegotiator, IDisposable
{
    private readonly VersionDocumentReader _reader;
    private readonly ITokenProvider _tokens;
    private readonly IOptionsMonitor<ServiceCredentialsOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<MicroversionNegotiator> _logger;
    private readonly ConcurrentDictionary<(string ServiceType, Uri Endpoint), Discovered> _cache = new();
    private readonly SemaphoreSlim _discovering = new(1, 1);

    public MicroversionNegotiator(
        VersionDocumentReader reader,
        ITokenProvider tokens,
        IOptionsMonitor<ServiceCredentialsOptions> options,
        TimeProvider timeProvider,
        ILogger<MicroversionNegotiator> logger)
    {
        _reader = reader;
        _tokens = tokens;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<ApiVersion?> NegotiateAsync(string serviceType, string serviceName, Microversion maximum, Microversion? minimum, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceType);
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        if (minimum > maximum)
        {
            throw new OpenStackException($"{serviceType}: the configured microversion {maximum} is older than {minimum}, the oldest this synchronizer can read: configure {minimum} or newer.");
        }

        var (endpoint, range) = await DiscoverAsync(serviceType, cancellationToken);
        if (range is null)
        {
            return minimum is null ? null
                : throw new OpenStackException($"{serviceType} at {endpoint} offers no microversions, but at least {minimum} is needed: this service cannot be synchronized.");
        }

        var chosen = maximum < range.Maximum ? maximum : range.Maximum;
        if (chosen < range.Minimum)
        {
            throw new OpenStackException($"{serviceType} at {endpoint} supports microversions {range}; the configured {maximum} is older than all of them: configure {range.Minimum} or newer.");
        }

        if (minimum is { } needed && chosen < needed)
        {
            throw new OpenStackException($"{serviceType} at {endpoint} supports microversions {range}; at least {needed} is needed: upgrade the service.");
        }

        return new ApiVersion(serviceName, chosen.ToString());
    }

    public void Invalidate(string serviceType)
    {
        foreach (var key in _cache.Keys.Where(k => k.ServiceType == serviceType))
        {
            _cache.TryRemove(key, out _);
        }
    }

    public void Dispose() => _discovering.Dispose();

    private async Task<(Uri Endpoint, MicroversionRange? Range)> DiscoverAsync(string serviceType, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var token = await _tokens.GetTokenAsync(cancellationToken);
        var endpoint = token.Catalog.GetEndpoint(serviceType, options.Interface, options.RegionName);
        var key = (serviceType, endpoint);
        if (Fresh(key, options) is { } known)
        {
            return (endpoint, known.Range);
        }

        // One discovery at a time: concurrent pollers of the same service share its result.
        await _discovering.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(key, options) is { } raced)
            {
                return (endpoint, raced.Range);
            }

            var range = await _reader.ReadAsync(serviceType, endpoint, token.ProjectId, cancellationToken);
            _cache[key] = new Discovered(range, _timeProvider.GetUtcNow());
            if (range is null)
            {
                Log.NoMicroversions(_logger, serviceType, endpoint);
            }
            else
            {
                Log.VersionsDiscovered(_logger, serviceType, endpoint, range.Minimum, range.Maximum);
            }

            return (endpoint, range);
        }
        finally
        {
            _discovering.Release();
        }
    }

    private Discovered? Fresh((string, Uri) key, ServiceCredentialsOptions options) =>
        _cache.TryGetValue(key, out var known) && _timeProvider.GetUtcNow() - known.ReadAt < TimeSpan.FromSeconds(options.VersionDiscoveryTtlSeconds)
            ? known
            : null;

    private sealed record Discovered(MicroversionRange? Range, DateTimeOffset ReadAt);
}
