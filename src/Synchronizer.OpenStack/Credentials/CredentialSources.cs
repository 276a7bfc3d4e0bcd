using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Synchronizer.OpenStack.Identity;

namespace Synchronizer.OpenStack.Credentials;

/// <summary>
/// Fills the <c>[service_credentials]</c> keys left unset from <c>clouds.yaml</c> or the <c>OS_*</c>
/// variables, the way openstacksdk reads them.
/// </summary>
/// <remarks>
/// Precedence, highest first:
/// <list type="number">
/// <item>A key set in the section (INI file, <c>SYNCHRONIZER__SERVICE_CREDENTIALS__*</c>) or in code: the
/// deployment's own statement always wins.</item>
/// <item>The <c>clouds.yaml</c> entry named by <c>cloud</c>, or by <c>OS_CLOUD</c> when the section sets
/// neither <c>cloud</c> nor <c>auth_url</c>. As in openstacksdk, a named cloud excludes the <c>OS_*</c>
/// variables: a cloud's Keystone is never mixed with a user or project from the shell.</item>
/// <item>The <c>OS_*</c> variables (openstacksdk's "envvars" cloud), only when the section sets neither
/// <c>auth_url</c> nor a cloud is named: a service configured in its file does not change behaviour
/// because someone sourced an openrc before starting it.</item>
/// <item>The class defaults.</item>
/// </list>
/// </remarks>
internal sealed class CredentialSources : IPostConfigureOptions<ServiceCredentialsOptions>
{
    private static readonly CredentialKey AuthUrlKey = CredentialKey.All.Single(k => k.Name == "auth_url");
    private static readonly CredentialKey AuthTypeKey = CredentialKey.All.Single(k => k.Name == "auth_type");

    private readonly IConfiguration _section;
    private readonly ClientConfigEnvironment _environment;

    public CredentialSources(IConfiguration section, ClientConfigEnvironment environment)
    {
        _section = section;
        _environment = environment;
    }

    public void PostConfigure(string? name, ServiceCredentialsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RemoveNulls(options);
        var authUrlSet = IsExplicit(options, AuthUrlKey);
        var cloud = options.Cloud.Length > 0 ? options.Cloud : authUrlSet ? null : _environment.Variable("OS_CLOUD");
        if (cloud is not null)
        {
            ApplyCloud(options, cloud);
        }
        else if (!authUrlSet)
        {
            ApplyEnvironment(options);
        }

        Normalize(options);
    }

    private void ApplyCloud(ServiceCredentialsOptions options, string cloud)
    {
        var (entry, problem) = CloudsYaml.Find(cloud, _environment);
        if (entry is null)
        {
            options.SourceProblems.Add(problem!);
            return;
        }

        options.CredentialSource = $"cloud '{entry.Name}' of {entry.Path}";
        if (entry.Profile is not null && !entry.Values.ContainsKey("auth_url"))
        {
            options.SourceProblems.Add($"cloud '{entry.Name}' of {entry.Path} relies on the vendor profile '{entry.Profile}', which is not read here: add auth_url to the cloud's auth.");
        }

        Fill(options, key => entry.Values.GetValueOrDefault(key.Name));
    }

    private void ApplyEnvironment(ServiceCredentialsOptions options)
    {
        var filled = Fill(options, key => _environment.Variable(key.EnvironmentVariable)
            ?? CredentialKey.Aliases.Where(a => a.Value == key.Name).Select(a => _environment.Variable("OS_" + a.Key.ToUpperInvariant())).FirstOrDefault(v => v is not null));
        if (filled > 0)
        {
            options.CredentialSource = "the OS_* environment variables";
        }
    }

    private int Fill(ServiceCredentialsOptions options, Func<CredentialKey, string?> lookup)
    {
        var filled = 0;
        foreach (var key in CredentialKey.All)
        {
            if (!IsExplicit(options, key) && lookup(key) is { Length: > 0 } value)
            {
                key.Set(options, value);
                filled++;
            }
        }

        // Without an auth_type, an application credential alone can only mean that plugin.
        if (!IsExplicit(options, AuthTypeKey) && options.AuthType == AuthTypes.Password
            && options.ApplicationCredentialId.Length > 0 && options.Username.Length == 0 && options.UserId.Length == 0)
        {
            options.AuthType = AuthTypes.ApplicationCredential;
        }

        return filled;
    }

    // Empty INI values ("cloud =") mean "not set", as in oslo.config.
    private bool IsExplicit(ServiceCredentialsOptions options, CredentialKey key) =>
        !string.IsNullOrEmpty(_section[key.Name]) || !key.HasDefault(options);

    // The binder writes null for a key present without a value; the rest of the code reads "" as unset.
    private static void RemoveNulls(ServiceCredentialsOptions options)
    {
        foreach (var key in CredentialKey.All.Where(k => k.Get(options) is null))
        {
            key.Set(options, string.Empty);
        }

        options.Cloud ??= string.Empty;
    }

    private static void Normalize(ServiceCredentialsOptions options)
    {
        // keystoneauth's entry points "v3password" and "password" are the same plugin for v3.
        options.AuthType = options.AuthType.Trim().ToLowerInvariant() switch
        {
            "v3password" => AuthTypes.Password,
            var other => other,
        };

        // Keystone v2-era clients wrote publicURL, internalURL, adminURL.
        var iface = options.Interface.Trim().ToLowerInvariant();
        options.Interface = iface.EndsWith("url", StringComparison.Ordinal) ? iface[..^3] : iface;
    }
}
