using Microsoft.Extensions.Configuration;

namespace Synchronizer.OpenStack.Identity;

/// <summary>Time-outs and retries of every request to Keystone and the services.</summary>
public sealed partial class ServiceCredentialsOptions
{
    /// <summary>Gets or sets the seconds one attempt of a request may take, body included. The default value is 60.</summary>
    [ConfigurationKeyName("request_timeout")]
    public int RequestTimeoutSeconds { get; set; } = OpenStackDefaults.RequestTimeoutSeconds;

    /// <summary>Gets or sets the seconds all attempts of one request may take together, waits between them included. The default value is 300.</summary>
    [ConfigurationKeyName("total_timeout")]
    public int TotalTimeoutSeconds { get; set; } = OpenStackDefaults.TotalTimeoutSeconds;

    /// <summary>
    /// Gets or sets how often a request is retried after a 5xx (but 501 and 505), 429 or 408 answer, a
    /// connection failure or a time-out; 0 turns retries off. Other 4xx answers are never retried. The default value is 3.
    /// </summary>
    [ConfigurationKeyName("max_retries")]
    public int MaxRetries { get; set; } = OpenStackDefaults.MaxRetries;

    /// <summary>Gets or sets the seconds before the first retry; each further retry waits about twice as long, with jitter. The default value is 1.</summary>
    [ConfigurationKeyName("retry_base_delay")]
    public double RetryBaseDelaySeconds { get; set; } = OpenStackDefaults.RetryBaseDelaySeconds;

    /// <summary>Gets or sets the longest wait, in seconds, between two attempts when the service sent no <c>Retry-After</c>. The default value is 30.</summary>
    [ConfigurationKeyName("retry_max_delay")]
    public double RetryMaxDelaySeconds { get; set; } = OpenStackDefaults.RetryMaxDelaySeconds;

    /// <summary>Gets or sets the longest wait, in seconds, honoured from a <c>Retry-After</c> header; longer ones are cut to it. The default value is 60.</summary>
    [ConfigurationKeyName("retry_after_max")]
    public double RetryAfterMaxSeconds { get; set; } = OpenStackDefaults.RetryAfterMaxSeconds;

    /// <summary>Gets or sets the seconds a service's version document (its microversion range) is kept before it is read again; 0 reads it before every request. The default value is 3600.</summary>
    [ConfigurationKeyName("version_discovery_ttl")]
    public int VersionDiscoveryTtlSeconds { get; set; } = OpenStackDefaults.VersionDiscoveryTtlSeconds;
}
