using System.Text;
using System.Text.Json;

namespace Synchronizer.OpenStack;

/// <summary>Pulls the human message out of the error bodies OpenStack services write.</summary>
/// <remarks>
/// Nova and Cinder write <c>{"itemNotFound": {"code": 404, "message": "..."}}</c>, Keystone
/// <c>{"error": {"message": "..."}}</c>, Heat <c>{"error": {"message", "type"}, "title"}</c>; proxies write HTML.
/// </remarks>
internal static class ErrorBodies
{
    private const int MaxLength = 300;

    public static string Describe(byte[] body)
    {
        if (body.Length == 0)
        {
            return "(empty body)";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Object
                        && property.Value.TryGetProperty("message", out var message)
                        && message.ValueKind == JsonValueKind.String)
                    {
                        return Truncate($"{property.Name}: {message.GetString()}");
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML page from a proxy, a truncated body): show its start instead.
        }

        return Truncate(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxLength)).ReplaceLineEndings(" "));
    }

    private static string Truncate(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + "…";
}
