using System.Text.Json;
using System.Text.RegularExpressions;

namespace Synchronizer.OpenStack.Microversions;

/// <summary>
/// Where a service's version document is and how to read it, after keystoneauth's discovery
/// (<c>keystoneauth1/discover.py</c>, <c>_get_discovery_url_choices</c>).
/// </summary>
/// <remarks>
/// Nova answers <c>GET /v2.1</c> with <c>{"version": {"version": "2.93", "min_version": "2.1"}}</c>;
/// Cinder's catalog URL ends in the project id, and <c>GET /v3</c> (or <c>/</c>) answers
/// <c>{"versions": [{"id": "v3.0", "version": "3.70", "min_version": "3.0"}]}</c>; Heat's document has
/// no version fields: it has no microversions. Placement writes <c>max_version</c>.
/// </remarks>
internal static partial class VersionDocument
{
    /// <summary>The URLs to try, best first: the endpoint without a trailing project id, then the unversioned root.</summary>
    public static IReadOnlyList<Uri> CandidateUrls(Uri endpoint, string projectId)
    {
        var segments = endpoint.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments.Count > 0 && (string.Equals(segments[^1], projectId, StringComparison.OrdinalIgnoreCase)
            || (segments.Count > 1 && IsVersion(segments[^2]) && !IsVersion(segments[^1]))))
        {
            segments.RemoveAt(segments.Count - 1);
        }

        var urls = new List<Uri> { At(endpoint, segments, trailingSlash: false) };
        if (segments.Count > 0 && IsVersion(segments[^1]))
        {
            urls.Add(At(endpoint, segments[..^1], trailingSlash: true));
        }

        return urls;
    }

    /// <summary>The version segment of an endpoint (<c>v2.1</c>, <c>v3</c>), which picks the entry of a list document.</summary>
    public static string? VersionSegment(Uri endpoint) =>
        endpoint.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(IsVersion);

    /// <summary>Reads a version document.</summary>
    /// <param name="body">The response body.</param>
    /// <param name="versionSegment">The endpoint's version segment, or <see langword="null"/>.</param>
    /// <param name="range">The declared microversions; <see langword="null"/> when the service has none.</param>
    /// <returns>Whether the body is a version document that describes the endpoint's API.</returns>
    public static bool TryRead(byte[] body, string? versionSegment, out MicroversionRange? range)
    {
        range = null;
        JsonElement entry;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (root.TryGetProperty("version", out var single) && single.ValueKind == JsonValueKind.Object)
            {
                entry = single.Clone();
            }
            else if (root.TryGetProperty("versions", out var list) && Pick(list, versionSegment) is { } picked)
            {
                entry = picked.Clone();
            }
            else
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        var max = Text(entry, "max_version") ?? Text(entry, "version");
        var min = Text(entry, "min_version");
        if (Microversion.TryParse(max, out var maximum))
        {
            range = new MicroversionRange(Microversion.TryParse(min, out var minimum) ? minimum : maximum, maximum);
        }

        return true;
    }

    private static JsonElement? Pick(JsonElement list, string? versionSegment)
    {
        // Keystone nests the list as {"versions": {"values": [...]}}.
        if (list.ValueKind == JsonValueKind.Object && list.TryGetProperty("values", out var values))
        {
            list = values;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var entries = list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList();
        var major = versionSegment?.TrimStart('v').Split('.')[0];
        return entries.FirstOrDefault(e => Text(e, "id") == versionSegment) is { ValueKind: JsonValueKind.Object } exact ? exact
            : entries.Where(e => major is null || Text(e, "id")?.TrimStart('v').Split('.')[0] == major)
                .OrderByDescending(e => Text(e, "status") == "CURRENT")
                .Select(e => (JsonElement?)e)
                .FirstOrDefault();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static bool IsVersion(string segment) => VersionPattern().IsMatch(segment);

    private static Uri At(Uri endpoint, IEnumerable<string> segments, bool trailingSlash)
    {
        var path = "/" + string.Join('/', segments);
        if (trailingSlash && !path.EndsWith('/'))
        {
            path += "/";
        }

        return new UriBuilder(endpoint) { Path = path, Query = string.Empty }.Uri;
    }

    [GeneratedRegex(@"^v\d+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
