using System.Text.Json;

namespace Synchronizer.Simulator.Tests.Support;

/// <summary>
/// Compares two JSON values by shape: the same keys at every level and the same value kinds. A null on
/// either side matches any kind (a sample's "description": "" is null on another server), maps whose
/// keys are data (metadata, extra_specs...) are compared as objects only, and arrays by their first items.
/// </summary>
internal static class JsonShape
{
    public static void AssertSame(JsonElement expected, JsonElement actual, params string[] opaqueKeys)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", opaqueKeys, differences);
        Assert.True(differences.Count == 0, "Shapes differ:\n" + string.Join("\n", differences));
    }

    public static IReadOnlySet<string> Keys(JsonElement element) =>
        element.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    private static void Compare(JsonElement expected, JsonElement actual, string path, string[] opaqueKeys, List<string> differences)
    {
        if (expected.ValueKind == JsonValueKind.Null || actual.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (Kind(expected) != Kind(actual))
        {
            differences.Add($"{path}: expected {expected.ValueKind}, got {actual.ValueKind}");
            return;
        }

        if (expected.ValueKind == JsonValueKind.Array && expected.GetArrayLength() > 0 && actual.GetArrayLength() > 0)
        {
            Compare(expected[0], actual[0], path + "[0]", opaqueKeys, differences);
        }

        if (expected.ValueKind != JsonValueKind.Object || opaqueKeys.Any(k => path.EndsWith("." + k, StringComparison.Ordinal)))
        {
            return;
        }

        var expectedKeys = Keys(expected);
        var actualKeys = Keys(actual);
        differences.AddRange(expectedKeys.Except(actualKeys).Select(k => $"{path}: missing \"{k}\""));
        differences.AddRange(actualKeys.Except(expectedKeys).Select(k => $"{path}: unexpected \"{k}\""));
        foreach (var key in expectedKeys.Intersect(actualKeys))
        {
            Compare(expected.GetProperty(key), actual.GetProperty(key), path + "." + key, opaqueKeys, differences);
        }
    }

    private static JsonValueKind Kind(JsonElement element) =>
        element.ValueKind == JsonValueKind.False ? JsonValueKind.True : element.ValueKind;
}
