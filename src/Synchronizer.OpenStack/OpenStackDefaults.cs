namespace Synchronizer.OpenStack;

/// <summary>Default values of <see cref="Identity.ServiceCredentialsOptions"/>.</summary>
internal static class OpenStackDefaults
{
    public const string DomainName = "Default";

    public const string RegionName = "RegionOne";

    public const string Interface = "public";

    // keystoneauth's own defaults are no timeout and no retries; a poller that must finish before
    // its next interval needs both bounded.
    public const int RequestTimeoutSeconds = 60;

    public const int TotalTimeoutSeconds = 300;

    public const int MaxRetries = 3;

    public const double RetryBaseDelaySeconds = 1;

    public const double RetryMaxDelaySeconds = 30;

    public const double RetryAfterMaxSeconds = 60;

    public const int VersionDiscoveryTtlSeconds = 3600;
}
