using Synchronizer.OpenStack.Credentials;
using Synchronizer.OpenStack.Identity;

namespace Synchronizer.OpenStack.Tests.Credentials;

public class ServiceCredentialsValidatorTests
{
    private const string Secret = "pa55-W0rd-never-shown";

    public static TheoryData<string, Action<ServiceCredentialsOptions>, string> Broken => new()
    {
        { "missing auth_url", o => o.AuthUrl = string.Empty, "[service_credentials] auth_url is missing: set it to Keystone's URL" },
        { "relative auth_url", o => o.AuthUrl = "keystone/v3", "[service_credentials] auth_url 'keystone/v3' is not an absolute http:// or https:// URL" },
        { "ftp auth_url", o => o.AuthUrl = "ftp://keystone/v3", "is not an absolute http:// or https:// URL" },
        { "credentials in auth_url", o => o.AuthUrl = $"http://admin:{Secret}@keystone/v3", "[service_credentials] auth_url must not carry a user or password" },
        { "unknown auth_type", o => o.AuthType = "token", "[service_credentials] auth_type 'token' is not supported: use password or v3applicationcredential." },
        { "missing username", o => o.Username = string.Empty, "[service_credentials] username is missing (auth_type password): set username (or user_id)." },
        { "missing password", o => o.Password = string.Empty, "[service_credentials] password is missing (auth_type password): set password" },
        { "missing project", o => o.ProjectName = string.Empty, "[service_credentials] project_name is missing: the token must be scoped to a project" },
        { "bad interface", o => o.Interface = "outside", "[service_credentials] interface 'outside' is not valid: use public, internal or admin." },
        { "missing credential id", o => (o.AuthType, o.ApplicationCredentialSecret) = (AuthTypes.ApplicationCredential, Secret), "[service_credentials] application_credential_id is missing (auth_type v3applicationcredential)" },
        { "missing credential secret", o => (o.AuthType, o.ApplicationCredentialId) = (AuthTypes.ApplicationCredential, "id"), "[service_credentials] application_credential_secret is missing" },
        { "zero timeout", o => o.RequestTimeoutSeconds = 0, "[service_credentials] request_timeout must be between 1 and 3600 seconds." },
        { "budget below one attempt", o => o.TotalTimeoutSeconds = 30, "[service_credentials] total_timeout must be at least request_timeout (60)" },
        { "negative retries", o => o.MaxRetries = -1, "[service_credentials] max_retries must be between 0 and 10." },
        { "zero base delay", o => o.RetryBaseDelaySeconds = 0, "[service_credentials] retry_base_delay must be more than 0" },
        { "max below base delay", o => o.RetryMaxDelaySeconds = 0.5, "[service_credentials] retry_max_delay must be at least retry_base_delay" },
        { "negative retry-after cap", o => o.RetryAfterMaxSeconds = -1, "[service_credentials] retry_after_max must be between 0 and 3600 seconds." },
        { "negative ttl", o => o.VersionDiscoveryTtlSeconds = -1, "[service_credentials] version_discovery_ttl must be 0 or more seconds." },
    };

    [Fact]
    public void Validate_CompletePasswordCredentials_Succeeds()
    {
        Assert.True(new ServiceCredentialsValidator().Validate(null, Valid()).Succeeded);
    }

    [Fact]
    public void Validate_CompleteApplicationCredential_NeedsNoUserOrProject()
    {
        var options = new ServiceCredentialsOptions
        {
            AuthUrl = "https://keystone.example:5000",
            AuthType = AuthTypes.ApplicationCredential,
            ApplicationCredentialId = "id",
            ApplicationCredentialSecret = Secret,
        };

        Assert.True(new ServiceCredentialsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void Validate_Broken_NamesTheKeyAndTheFixButNeverTheSecret(string why, Action<ServiceCredentialsOptions> breakIt, string expected)
    {
        var options = Valid();
        breakIt(options);

        var result = new ServiceCredentialsValidator().Validate(null, options);

        Assert.True(result.Failed, why);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CredentialsFromACloud_SaysWhereTheyCameFrom()
    {
        var options = Valid();
        options.Password = string.Empty;
        options.CredentialSource = "cloud 'prod' of /etc/openstack/clouds.yaml";

        var result = new ServiceCredentialsValidator().Validate(null, options);

        Assert.Contains("password is missing (auth_type password) (the other credentials come from cloud 'prod' of /etc/openstack/clouds.yaml)", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachOnItsOwn()
    {
        var options = new ServiceCredentialsOptions { AuthUrl = "keystone/v3", Username = "admin" };

        var result = new ServiceCredentialsValidator().Validate(null, options);

        Assert.Collection(
            result.Failures!,
            f => Assert.StartsWith("[service_credentials] auth_url 'keystone/v3'", f, StringComparison.Ordinal),
            f => Assert.StartsWith("[service_credentials] password is missing", f, StringComparison.Ordinal),
            f => Assert.StartsWith("[service_credentials] project_name is missing", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoCredentialsAtAll_OneLineSayingSoAndHowToSetThem()
    {
        var result = new ServiceCredentialsValidator().Validate(null, new ServiceCredentialsOptions());

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("[service_credentials] auth_url: no Keystone credentials are configured", failure, StringComparison.Ordinal);
        Assert.Contains("name a clouds.yaml entry with cloud", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OnlyAProjectSet_StillNoCredentials()
    {
        var result = new ServiceCredentialsValidator().Validate(null, new ServiceCredentialsOptions { ProjectName = "admin" });

        Assert.Contains("no Keystone credentials are configured", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    private static ServiceCredentialsOptions Valid() => new()
    {
        AuthUrl = "http://127.0.0.1:5000/v3",
        Username = "admin",
        Password = Secret,
        ProjectName = "admin",
    };
}
