using Microsoft.Extensions.Configuration;

namespace Synchronizer.OpenStack.Identity;

/// <summary>
/// Keystone v3 credentials, keystoneauth-style, as the <c>[service_credentials]</c> section holds them,
/// and the HTTP behaviour towards every OpenStack service (<c>ServiceCredentialsOptions.Http.cs</c>).
/// </summary>
/// <remarks>
/// A key set in the section (or in code) always wins. The keys left unset come from the
/// <c>clouds.yaml</c> entry named by <see cref="Cloud"/> (or <c>OS_CLOUD</c>), otherwise from the
/// <c>OS_*</c> environment variables (only when neither <c>auth_url</c> nor a cloud is set), otherwise from the defaults below.
/// </remarks>
public sealed partial class ServiceCredentialsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "service_credentials";

    /// <summary>Gets or sets the <c>clouds.yaml</c> entry that supplies the keys not set here; when empty, <c>OS_CLOUD</c> names it. The default value is empty.</summary>
    [ConfigurationKeyName("cloud")]
    public string Cloud { get; set; } = string.Empty;

    /// <summary>Gets or sets the Keystone URL, for example <c>http://127.0.0.1:5000/v3</c>. The default value is empty (required).</summary>
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
    public string UserDomainName { get; set; } = OpenStackDefaults.DomainName;

    /// <summary>Gets or sets the user's domain id, used instead of the domain name when set. The default value is empty.</summary>
    [ConfigurationKeyName("user_domain_id")]
    public string UserDomainId { get; set; } = string.Empty;

    /// <summary>Gets or sets the project's domain name. The default value is <c>Default</c>.</summary>
    [ConfigurationKeyName("project_domain_name")]
    public string ProjectDomainName { get; set; } = OpenStackDefaults.DomainName;

    /// <summary>Gets or sets the project's domain id, used instead of the domain name when set. The default value is empty.</summary>
    [ConfigurationKeyName("project_domain_id")]
    public string ProjectDomainId { get; set; } = string.Empty;

    /// <summary>Gets or sets the application credential id. The default value is empty.</summary>
    [ConfigurationKeyName("application_credential_id")]
    public string ApplicationCredentialId { get; set; } = string.Empty;

    /// <summary>Gets or sets the application credential secret. The default value is empty.</summary>
    [ConfigurationKeyName("application_credential_secret")]
    public string ApplicationCredentialSecret { get; set; } = string.Empty;

    /// <summary>Gets or sets the catalog region; empty matches any. The default value is <c>RegionOne</c>.</summary>
    [ConfigurationKeyName("region_name")]
    public string RegionName { get; set; } = OpenStackDefaults.RegionName;

    /// <summary>Gets or sets the catalog interface: public, internal or admin. The default value is <c>public</c>.</summary>
    [ConfigurationKeyName("interface")]
    public string Interface { get; set; } = OpenStackDefaults.Interface;

    /// <summary>Gets or sets where the credentials not set in the section came from, for error messages; never a secret.</summary>
    internal string? CredentialSource { get; set; }

    /// <summary>Gets the problems met while reading <c>clouds.yaml</c>, reported by validation.</summary>
    internal List<string> SourceProblems { get; } = [];
}
