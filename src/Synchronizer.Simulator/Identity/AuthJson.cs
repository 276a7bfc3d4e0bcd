using System.Text.Json;

namespace Synchronizer.Simulator.Identity;

/// <summary>Reading the nested objects of an auth body, with keystone's ValidationError texts for what is missing.</summary>
internal static class AuthJson
{
    public static JsonElement Child(JsonElement parent, string name, string target) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object
            ? child
            : throw KeystoneErrorException.Expecting(name, target);

    public static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A name is unique only inside its domain, so keystone insists on one with every name.</summary>
    public static (string? Id, string? Name) Domain(JsonElement owner, string target)
    {
        if (!owner.TryGetProperty("domain", out var domain) || domain.ValueKind != JsonValueKind.Object)
        {
            throw KeystoneErrorException.Expecting("domain", target);
        }

        var id = Text(domain, "id");
        var name = Text(domain, "name");
        return id is null && name is null ? throw KeystoneErrorException.Expecting("id or name", "domain") : (id, name);
    }
}
