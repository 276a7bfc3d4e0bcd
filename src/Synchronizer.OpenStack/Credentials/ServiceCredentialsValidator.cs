using Microsoft.Extensions.Options;
using Synchronizer.OpenStack.Identity;

namespace Synchronizer.OpenStack.Credentials;

/// <summary>
/// Checks <c>[service_credentials]</c> at start-up. Every failure names the key and the fix, and
/// never shows a password or secret.
/// </summary>
internal sealed class ServiceCredentialsValidator : IValidateOptions<ServiceCredentialsOptions>
{
    private const string Section = "[service_credentials]";
    private static readonly string[] Interfaces = ["public", "internal", "admin"];

    public ValidateOptionsResult Validate(string? name, ServiceCredentialsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        failures.AddRange(options.SourceProblems.Select(p => $"{Section} cloud: {p}"));
        var from = options.CredentialSource is { } source ? $" (the other credentials come from {source})" : string.Empty;

        // A cloud that could not be read explains every key it should have supplied: no line for each.
        if (options.SourceProblems.Count == 0)
        {
            ValidateCredentials(options, failures, from);
        }

        if (!Interfaces.Contains(options.Interface, StringComparer.Ordinal))
        {
            failures.Add($"{Section} interface '{options.Interface}' is not valid: use public, internal or admin.");
        }

        ValidateHttp(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateCredentials(ServiceCredentialsOptions options, List<string> failures, string from)
    {
        if (HasNoCredentials(options))
        {
            // Nothing at all was configured: one line that says so helps more than one per missing key.
            failures.Add($"{Section} auth_url: no Keystone credentials are configured, in the section, a clouds.yaml cloud or OS_* variables; " +
                "set auth_url, username, password and project_name (or auth_type = v3applicationcredential with application_credential_id and application_credential_secret), or name a clouds.yaml entry with cloud.");
            return;
        }

        ValidateAuthUrl(options, failures, from);
        ValidateAuthType(options, failures, from);
    }

    private static bool HasNoCredentials(ServiceCredentialsOptions options) =>
        options is { AuthUrl: "", Cloud: "", CredentialSource: null, Username: "", UserId: "", Password: "", ApplicationCredentialId: "", ApplicationCredentialSecret: "" };

    private static void ValidateAuthUrl(ServiceCredentialsOptions options, List<string> failures, string from)
    {
        if (options.AuthUrl.Length == 0)
        {
            failures.Add($"{Section} auth_url is missing{from}: set it to Keystone's URL (for example http://127.0.0.1:5000/v3), or name a clouds.yaml entry with {Section} cloud or OS_CLOUD, or export OS_AUTH_URL.");
        }
        else if (!Uri.TryCreate(options.AuthUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            failures.Add($"{Section} auth_url '{Shown(options.AuthUrl)}' is not an absolute http:// or https:// URL{from}: write it in full, for example http://127.0.0.1:5000/v3.");
        }
        else if (url.UserInfo.Length > 0)
        {
            failures.Add($"{Section} auth_url must not carry a user or password{from}: move them to username and password.");
        }
    }

    private static void ValidateAuthType(ServiceCredentialsOptions options, List<string> failures, string from)
    {
        switch (options.AuthType)
        {
            case AuthTypes.Password:
                Require(failures, options.Username.Length > 0 || options.UserId.Length > 0, $"{Section} username is missing (auth_type password){from}: set username (or user_id).");
                Require(failures, options.Password.Length > 0, $"{Section} password is missing (auth_type password){from}: set password (or put it in the cloud's secure.yaml), or use auth_type = v3applicationcredential.");
                Require(failures, options.ProjectName.Length > 0 || options.ProjectId.Length > 0, $"{Section} project_name is missing{from}: the token must be scoped to a project; set project_name (or project_id).");
                break;
            case AuthTypes.ApplicationCredential:
                Require(failures, options.ApplicationCredentialId.Length > 0, $"{Section} application_credential_id is missing (auth_type v3applicationcredential){from}: set it to the credential's id (openstack application credential show).");
                Require(failures, options.ApplicationCredentialSecret.Length > 0, $"{Section} application_credential_secret is missing (auth_type v3applicationcredential){from}: set it to the secret shown when the credential was created.");
                break;
            default:
                failures.Add($"{Section} auth_type '{options.AuthType}' is not supported{from}: use password or v3applicationcredential.");
                break;
        }
    }

    private static void ValidateHttp(ServiceCredentialsOptions options, List<string> failures)
    {
        Require(failures, options.RequestTimeoutSeconds is >= 1 and <= 3600, $"{Section} request_timeout must be between 1 and 3600 seconds.");
        Require(failures, options.TotalTimeoutSeconds >= options.RequestTimeoutSeconds && options.TotalTimeoutSeconds <= 86400, $"{Section} total_timeout must be at least request_timeout ({options.RequestTimeoutSeconds}) and at most 86400 seconds.");
        Require(failures, options.MaxRetries is >= 0 and <= 10, $"{Section} max_retries must be between 0 and 10.");
        Require(failures, options.RetryBaseDelaySeconds is > 0 and <= 600, $"{Section} retry_base_delay must be more than 0 and at most 600 seconds.");
        Require(failures, options.RetryMaxDelaySeconds >= options.RetryBaseDelaySeconds && options.RetryMaxDelaySeconds <= 3600, $"{Section} retry_max_delay must be at least retry_base_delay and at most 3600 seconds.");
        Require(failures, options.RetryAfterMaxSeconds is >= 0 and <= 3600, $"{Section} retry_after_max must be between 0 and 3600 seconds.");
        Require(failures, options.VersionDiscoveryTtlSeconds >= 0, $"{Section} version_discovery_ttl must be 0 or more seconds.");
    }

    private static void Require(List<string> failures, bool condition, string failure)
    {
        if (!condition)
        {
            failures.Add(failure);
        }
    }

    // A mistyped URL is worth showing, but never a "user:password@" part someone wrote into it.
    private static string Shown(string value)
    {
        var at = value.LastIndexOf('@');
        if (at >= 0)
        {
            var scheme = value.IndexOf("://", StringComparison.Ordinal);
            value = (scheme >= 0 && scheme < at ? value[..(scheme + 3)] : string.Empty) + "***" + value[at..];
        }

        return value.Length <= 80 ? value : value[..80] + "…";
    }
}
