using Microsoft.Extensions.Configuration;

namespace Synchronizer.OpenStack.Identity;

/// <summary>
/// Keystone v3 credentials, keystoneauth-style, as the <c>[service_credentials]</c> section holds them.
/// </summary>
public sealed class ServiceCredentialsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "service_credentials";

    /// <summary>Gets or sets the Keystone v3 URL, for example <c>http://127.0.0.1:5000/v3</c>. The default value is empty (required).</summary>
    [ConfigurationKeyName("auth_url")]
    public string AuthUrl { get; set; } = string.Empty;

    /// <summary>Gets or sets <c>password</c> or <c>v3applicationcredential</c>. The default value is <c>password</c>.</summary>
    [ConfigurationKeyName("auth_type")]
    public string AuthType { get; set; } = AuthTypes.Password;

    /// <summary>Gets or sets the user name. The default value is empty.</summary>
    [ConfigurationKeyName("username")]
    public string Username { get; set; } = string.Empty;

    /// <summary>Gets or sets the user id, used instead of the user name when set. The default value is empty.</summary>
    [ConfigurationKeyName("user_id")]
    public string UserId { get; set; } = string.Empty;

    /// <summary>Gets or sets the password. The default value is empty.</summary>
    [ConfigurationKeyName("password")]
    public string Password { get; set; } = string.Empty;

    /// <summary>Gets or sets the project name the token is scoped to. The default value is empty.</summary>
    [ConfigurationKeyName("project_name")]
    public string ProjectName { get; set; } = string.Empty;

    /// <summary>Gets or sets the project id, used instead of the project name when set. The default value is empty.</summary>
    [ConfigurationKeyName("project_id")]
    public string ProjectId { get; set; } = string.Empty;

    /// <summary>Gets or sets the user's domain name. The default value is <c>Default</c>.</summary>
    [ConfigurationKeyName("user_domain_name")]
    public string UserDomainName { get; set; } = "Default";

    /// <summary>Gets or sets the project's domain name. The default value is <c>Default</c>.</summary>
    [ConfigurationKeyName("project_domain_name")]
    public string ProjectDomainName { get; set; } = "Default";

    /// <summary>Gets or sets the application credential id. The default value is empty.</summary>
    [ConfigurationKeyName("application_credential_id")]
    public string ApplicationCredentialId { get; set; } = string.Empty;

    /// <summary>Gets or sets the application credential secret. The default value is empty.</summary>
    [ConfigurationKeyName("application_credential_secret")]
    public string ApplicationCredentialSecret { get; set; } = string.Empty;

    /// <summary>Gets or sets the catalog region. The default value is <c>RegionOne</c>.</summary>
    [ConfigurationKeyName("region_name")]
    public string RegionName { get; set; } = "RegionOne";

    /// <summary>Gets or sets the catalog interface: public, internal or admin. The default value is <c>public</c>.</summary>
    [ConfigurationKeyName("interface")]
    public string Interface { get; set; } = "public";

    /// <summary>Gets or sets the seconds allowed for one HTTP request. The default value is 60.</summary>
    [ConfigurationKeyName("request_timeout")]
    public int RequestTimeoutSeconds { get; set; } = 60;
}
