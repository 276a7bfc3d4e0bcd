using Synchronizer.OpenStack.Identity;

namespace Synchronizer.OpenStack.Credentials;

/// <summary>One keystoneauth key of <c>[service_credentials]</c> that a cloud entry or an <c>OS_*</c> variable can supply.</summary>
/// <param name="Name">The key, as in the INI file and <c>clouds.yaml</c>: <c>auth_url</c>.</param>
/// <param name="Get">Reads the option.</param>
/// <param name="Set">Writes the option.</param>
internal sealed record CredentialKey(string Name, Func<ServiceCredentialsOptions, string> Get, Action<ServiceCredentialsOptions, string> Set)
{
    private static readonly ServiceCredentialsOptions Defaults = new();

    public static IReadOnlyList<CredentialKey> All { get; } =
    [
        new("auth_url", o => o.AuthUrl, (o, v) => o.AuthUrl = v),
        new("auth_type", o => o.AuthType, (o, v) => o.AuthType = v),
        new("username", o => o.Username, (o, v) => o.Username = v),
        new("user_id", o => o.UserId, (o, v) => o.UserId = v),
        new("password", o => o.Password, (o, v) => o.Password = v),
        new("project_name", o => o.ProjectName, (o, v) => o.ProjectName = v),
        new("project_id", o => o.ProjectId, (o, v) => o.ProjectId = v),
        new("user_domain_name", o => o.UserDomainName, (o, v) => o.UserDomainName = v),
        new("user_domain_id", o => o.UserDomainId, (o, v) => o.UserDomainId = v),
        new("project_domain_name", o => o.ProjectDomainName, (o, v) => o.ProjectDomainName = v),
        new("project_domain_id", o => o.ProjectDomainId, (o, v) => o.ProjectDomainId = v),
        new("application_credential_id", o => o.ApplicationCredentialId, (o, v) => o.ApplicationCredentialId = v),
        new("application_credential_secret", o => o.ApplicationCredentialSecret, (o, v) => o.ApplicationCredentialSecret = v),
        new("region_name", o => o.RegionName, (o, v) => o.RegionName = v),
        new("interface", o => o.Interface, (o, v) => o.Interface = v),
    ];

    /// <summary>Gets the older names openstacksdk still accepts for a key (keystone v2 "tenants", endpoint_type).</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["tenant_name"] = "project_name",
        ["tenant_id"] = "project_id",
        ["endpoint_type"] = "interface",
    };

    /// <summary>Gets the <c>OS_*</c> variable that openstacksdk maps to this key: <c>OS_AUTH_URL</c>.</summary>
    public string EnvironmentVariable => "OS_" + Name.ToUpperInvariant();

    /// <summary>Whether the option still holds the class default, so a lower-priority source may fill it.</summary>
    public bool HasDefault(ServiceCredentialsOptions options) => Get(options) == Get(Defaults);
}
