using System.Text.Json;
using System.Text.Json.Nodes;
using Synchronizer.Simulator.Faults;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Identity;

namespace Synchronizer.Simulator.Control;

/// <summary>The control API's JSON: snake_case, like the OpenStack APIs it sits beside.</summary>
internal static class ControlJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Nulls are written: a fault rule's "times": null (every request) differs from a missing "times" (once).
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Reads a request body; an empty body is an empty object.</summary>
    /// <exception cref="JsonException">The body is not JSON of the expected shape.</exception>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken ct)
    {
        var node = await JsonNode.ParseAsync(request.Body, cancellationToken: ct) ?? new JsonObject();
        return node.Deserialize<T>(Options) ?? throw new JsonException("The body must be a JSON object.");
    }

    /// <summary>A fault rule whose body may be given as JSON (an object) or as text (a string).</summary>
    public static async Task<FaultRule> ReadFaultRuleAsync(HttpRequest request, CancellationToken ct)
    {
        var node = await JsonNode.ParseAsync(request.Body, cancellationToken: ct) as JsonObject
            ?? throw new JsonException("The body must be a JSON object.");
        if (node["body"] is JsonNode body && body.GetValueKind() != JsonValueKind.String)
        {
            node["body"] = body.ToJsonString();
        }

        return node.Deserialize<FaultRule>(Options) ?? throw new JsonException("The body must be a JSON object.");
    }

    /// <summary>The answer of every seed call: <c>{"created", "total", "project_ids"}</c>.</summary>
    public static Task WriteSeededAsync(HttpContext context, int created, int total, IReadOnlyList<ProjectRecord> projects) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("created", created);
            w.WriteNumber("total", total);
            w.WriteStartArray("project_ids");
            foreach (var project in projects)
            {
                w.WriteStringValue(project.Id);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
}
