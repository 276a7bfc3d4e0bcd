using System.Text.Json;

namespace Synchronizer.Simulator.Identity;

/// <summary>
/// Reads a <c>POST /v3/auth/tokens</c> password body (fixtures keystone/api_samples/auth/requests) and
/// resolves the user and the project scope, failing the way keystone does.
/// </summary>
internal sealed class PasswordAuthReader
{
    private readonly IdentityDirectory _directory;

    public PasswordAuthReader(IdentityDirectory directory)
    {
        _directory = directory;
    }

    public (UserAccount User, ProjectRecord Project) Read(JsonElement root)
    {
        var auth = Child(root, "auth", "request body");
        var identity = Child(auth, "identity", "auth");
        if (!identity.TryGetProperty("methods", out var methods) || methods.ValueKind != JsonValueKind.Array)
        {
            throw KeystoneErrorException.Expecting("methods", "identity");
        }

        // Any method but password (token, application_credential, totp...) is not served here; keystone
        // answers an unsupported method with a plain 401.
        if (methods.GetArrayLength() != 1 || methods[0].GetString() != "password")
        {
            throw new KeystoneErrorException();
        }

        var user = Child(Child(identity, "password", "identity"), "user", "password");
        var account = FindUser(user) ?? throw new KeystoneErrorException();
        var password = user.TryGetProperty("password", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        if (password != account.Password)
        {
            throw new KeystoneErrorException();
        }

        var project = FindScope(auth, account);

        // Keystone also refuses a scope on which the user has no role, with the same bare 401.
        return project is not null && project.Id == account.Project.Id ? (account, project) : throw new KeystoneErrorException();
    }

    private UserAccount? FindUser(JsonElement user)
    {
        if (Text(user, "id") is { } id)
        {
            return _directory.FindUserById(id);
        }

        var name = Text(user, "name") ?? throw KeystoneErrorException.Expecting("id or name", "user");
        var (domainId, domainName) = Domain(user, "user");
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

        if (Text(project, "id") is { } id)
        {
            return _directory.FindProjectById(id);
        }

        var name = Text(project, "name") ?? throw KeystoneErrorException.Expecting("id or name", "project");
        var (domainId, domainName) = Domain(project, "project");
        return _directory.FindProjectByName(name, domainId, domainName);
    }

    // A name is unique only inside its domain, so keystone insists on one with every name.
    private static (string? Id, string? Name) Domain(JsonElement owner, string target)
    {
        if (!owner.TryGetProperty("domain", out var domain) || domain.ValueKind != JsonValueKind.Object)
        {
            throw KeystoneErrorException.Expecting("domain", target);
        }

        var id = Text(domain, "id");
        var name = Text(domain, "name");
        return id is null && name is null ? throw KeystoneErrorException.Expecting("id or name", "domain") : (id, name);
    }

    private static JsonElement Child(JsonElement parent, string name, string target) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object
            ? child
            : throw KeystoneErrorException.Expecting(name, target);

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
