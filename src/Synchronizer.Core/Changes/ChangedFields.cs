using System.Runtime.InteropServices;
using System.Text.Json;

namespace Synchronizer.Core.Changes;

/// <summary>Lists the top-level keys whose values differ between two canonical JSON objects.</summary>
/// <remarks>
/// Both sides are canonical (RFC 8785), so equal values have equal bytes and a byte comparison of
/// each member's raw value is exact.
/// </remarks>
public static class ChangedFields
{
    /// <summary>Compares two canonical JSON objects key by key.</summary>
    /// <param name="previous">The old canonical JSON object.</param>
    /// <param name="current">The new canonical JSON object.</param>
    /// <returns>The keys added, removed or changed, in canonical (ordinal) order.</returns>
    public static IReadOnlyList<string> Between(ReadOnlyMemory<byte> previous, ReadOnlyMemory<byte> current)
    {
        using var before = JsonDocument.Parse(previous);
        using var after = JsonDocument.Parse(current);
        var oldValues = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in before.RootElement.EnumerateObject())
        {
            oldValues[member.Name] = member.Value;
        }

        var changed = new List<string>();
        foreach (var member in after.RootElement.EnumerateObject())
        {
            if (!oldValues.Remove(member.Name, out var old)
                || !JsonMarshal.GetRawUtf8Value(old).SequenceEqual(JsonMarshal.GetRawUtf8Value(member.Value)))
            {
                changed.Add(member.Name);
            }
        }

        changed.AddRange(oldValues.Keys);
        changed.Sort(string.CompareOrdinal);
        return changed;
    }
}
