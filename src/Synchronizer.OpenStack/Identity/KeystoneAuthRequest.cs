using System.Text.Json;

namespace Synchronizer.OpenStack.Identity;

/// <summary>Writes the body of <c>POST /v3/auth/tokens</c> for the configured auth type.</summary>
internal static class KeystoneAuthRequest
{
    public static byte[] Write(ServiceCredentialsOptions options)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("auth");
            json.WriteStartObject("identity");
            if (options.AuthType == AuthTypes.ApplicationCredential)
            {
                WriteApplicationCredential(json, options);
                json.WriteEndObject();
            }
            else
            {
                WritePassword(json, options);
                json.WriteEndObject();
                WriteProjectScope(json, options);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WritePassword(Utf8JsonWriter json, ServiceCredentialsOptions options)
    {
        json.WriteStartArray("methods");
        json.WriteStringValue("password");
        json.WriteEndArray();
        json.WriteStartObject("password");
        json.WriteStartObject("user");
        if (!string.IsNullOrEmpty(options.UserId))
        {
            json.WriteString("id", options.UserId);
        }
        else
        {
            json.WriteString("name", options.Username);
            WriteDomain(json, options.UserDomainId, options.UserDomainName);
        }

        json.WriteString("password", options.Password);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteApplicationCredential(Utf8JsonWriter json, ServiceCredentialsOptions options)
    {
        json.WriteStartArray("methods");
        json.WriteStringValue("application_credential");
        json.WriteEndArray();
        json.WriteStartObject("application_credential");
        json.WriteString("id", options.ApplicationCredentialId);
        json.WriteString("secret", options.ApplicationCredentialSecret);
        json.WriteEndObject();
    }

    // An application credential carries its own project scope; asking for another is an error.
    private static void WriteProjectScope(Utf8JsonWriter json, ServiceCredentialsOptions options)
    {
        json.WriteStartObject("scope");
        json.WriteStartObject("project");
        if (!string.IsNullOrEmpty(options.ProjectId))
        {
            json.WriteString("id", options.ProjectId);
        }
        else
        {
            json.WriteString("name", options.ProjectName);
            WriteDomain(json, options.ProjectDomainId, options.ProjectDomainName);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    // A name is unique only within its domain; the domain id wins over its name, as in keystoneauth.
    private static void WriteDomain(Utf8JsonWriter json, string id, string name)
    {
        json.WriteStartObject("domain");
        if (!string.IsNullOrEmpty(id))
        {
            json.WriteString("id", id);
        }
        else
        {
            json.WriteString("name", name);
        }

        json.WriteEndObject();
    }
}
