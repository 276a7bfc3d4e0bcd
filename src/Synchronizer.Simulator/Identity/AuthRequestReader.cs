using System.Text.Json;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Identity;

/// <summary>
/// Reads a <c>POST /v3/auth/tokens</c> body (fixtures keystone/api_samples/auth/requests and
/// admin/auth-application-credential-id-request.json) and resolves the user and the project scope,
/// failing the way keystone does: any authentication failure is the same bare 401.
/// </summary>
internal sealed class AuthRequestReader
{
    private readonly IdentityDirectory _directory;
    private readonly IReadOnlyList<SimulatorApplicationCredential> _credentials;

    public AuthRequestReader(IdentityDirectory directory, SimulatorOptions options)
    {
        _directory = directory;
        _credentials = options.ApplicationCredentials;
    }

    public AuthRequest Read(JsonElement root)
    {
        var auth = AuthJson.Child(root, "auth", "request body");
        var identity = AuthJson.Child(auth, "identity", "auth");
        if (!identity.TryGetProperty("methods", out var methods) || methods.ValueKind != JsonValueKind.Array)
        {
            throw KeystoneErrorException.Expecting("methods", "identity");
        }

        // Other methods (token, totp, mapped...) are not served; keystone answers those with a plain 401 too.
        return methods.GetArrayLength() == 1 ? methods[0].GetString() switch
        {
            "password" => ReadPassword(auth, identity),
            "application_credential" => ReadApplicationCredential(auth, identity),
            _ => throw new KeystoneErrorException(),
        }
        : throw new KeystoneErrorException();
    }

    private AuthRequest ReadPassword(JsonElement auth, JsonElement identity)
    {
        var user = AuthJson.Child(AuthJson.Child(identity, "password", "identity"), "user", "password");
        var account = FindUser(user) ?? throw new KeystoneErrorException();
        if (AuthJson.Text(user, "password") != account.Password)
        {
            throw new KeystoneErrorException();
        }

        var project = FindScope(auth, account);

        // Keystone also refuses a scope on which the user has no role, with the same bare 401.
        return project is not null && project.Id == account.Project.Id ? new AuthRequest(account, project, "password") : throw new KeystoneErrorException();
    }

    // keystone.auth.plugins.core.AppCredInfo: by id (always bound to its owner) or by name and user.
    private AuthRequest ReadApplicationCredential(JsonElement auth, JsonElement identity)
    {
        // "Application credentials cannot request a scope." (ApplicationCredentialAuthError, a 401).
        if (auth.TryGetProperty("scope", out _))
        {
            throw new KeystoneErrorException();
        }

        var body = AuthJson.Child(identity, "application_credential", "identity");
        SimulatorApplicationCredential? credential;
        UserAccount? owner;
        if (AuthJson.Text(body, "id") is { } id)
        {
            credential = _credentials.FirstOrDefault(c => c.Id == id);
            owner = credential is null ? null : OwnerOf(credential);
        }
        else if (AuthJson.Text(body, "name") is { } name)
        {
            owner = FindUser(AuthJson.Child(body, "user", "application credential"));
            credential = owner is null ? null : _credentials.FirstOrDefault(c => c.Name == name && OwnerOf(c) == owner);
        }
        else
        {
            throw KeystoneErrorException.Expecting("id or name", "application credential");
        }

        if (credential is null || owner is null || AuthJson.Text(body, "secret") != credential.Secret)
        {
            throw new KeystoneErrorException();
        }

        // The token's project and roles are the ones the credential was created with: its owner's.
        return new AuthRequest(owner, owner.Project, "application_credential", credential);
    }

    private UserAccount OwnerOf(SimulatorApplicationCredential credential) =>
        credential.Username is null || credential.Username == _directory.Admin.Name ? _directory.Admin : _directory.Demo;

    private UserAccount? FindUser(JsonElement user)
    {
        if (AuthJson.Text(user, "id") is { } id)
        {
            return _directory.FindUserById(id);
        }

        var name = AuthJson.Text(user, "name") ?? throw KeystoneErrorException.Expecting("id or name", "user");
        var (domainId, domainName) = AuthJson.Domain(user, "user");
        return _directory.FindUserByName(name, domainId, domainName);
    }

    private ProjectRecord? FindScope(JsonElement auth, UserAccount account)
    {
        // Without a scope keystone scopes the token to the user's default project.
        if (!auth.TryGetProperty("scope", out var scope) || scope.ValueKind == JsonValueKind.Null)
        {
            return account.Project;
        }

        // Domain, system and trust scopes are not simulated.
        if (scope.ValueKind != JsonValueKind.Object || !scope.TryGetProperty("project", out var project) || project.ValueKind != JsonValueKind.Object)
        {
            throw new KeystoneErrorException();
        }

        if (AuthJson.Text(project, "id") is { } id)
        {
            return _directory.FindProjectById(id);
        }

        var name = AuthJson.Text(project, "name") ?? throw KeystoneErrorException.Expecting("id or name", "project");
        var (domainId, domainName) = AuthJson.Domain(project, "project");
        return _directory.FindProjectByName(name, domainId, domainName);
    }
}
