using System.Globalization;
using System.Text.Json;

namespace Synchronizer.Simulator.Identity;

/// <summary>
/// Writes the token body of <c>POST</c> and <c>GET /v3/auth/tokens</c> in the shape of fixture
/// keystone/api_samples/admin/auth-password-project-scoped-response.json.
/// </summary>
internal static class TokenBodyWriter
{
    public static void Write(Utf8JsonWriter writer, IssuedToken token, string baseUrl, bool includeCatalog)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("token");

        // fixture keystone/api_samples/admin/auth-application-credential-response.json
        if (token.ApplicationCredential is { } credential)
        {
            writer.WriteStartObject("application_credential");
            writer.WriteString("id", credential.Id);
            writer.WriteString("name", credential.Name);
            writer.WriteBoolean("restricted", true);
            writer.WriteEndObject();
        }

        writer.WriteStartArray("methods");
        foreach (var method in token.Methods)
        {
            writer.WriteStringValue(method);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("user");
        WriteDomain(writer, token.User.Domain);
        writer.WriteString("id", token.User.Id);
        writer.WriteString("name", token.User.Name);
        writer.WriteNull("password_expires_at");
        writer.WriteEndObject();
        writer.WriteStartArray("audit_ids");
        writer.WriteStringValue(token.AuditId);
        writer.WriteEndArray();
        writer.WriteString("expires_at", Timestamp(token.ExpiresAt));
        writer.WriteString("issued_at", Timestamp(token.IssuedAt));
        writer.WriteStartObject("project");
        WriteDomain(writer, token.Project.Domain);
        writer.WriteString("id", token.Project.Id);
        writer.WriteString("name", token.Project.Name);
        writer.WriteEndObject();
        writer.WriteBoolean("is_domain", false);
        writer.WriteStartArray("roles");
        foreach (var role in token.Roles)
        {
            writer.WriteStartObject();
            writer.WriteString("id", role.Id);
            writer.WriteString("name", role.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (includeCatalog)
        {
            ServiceCatalog.Write(writer, baseUrl, token.Project.Id);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    // keystone.common.utils.isotime(subsecond=True): microseconds and a literal Z.
    private static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void WriteDomain(Utf8JsonWriter writer, DomainRecord domain)
    {
        writer.WriteStartObject("domain");
        writer.WriteString("id", domain.Id);
        writer.WriteString("name", domain.Name);
        writer.WriteEndObject();
    }
}
