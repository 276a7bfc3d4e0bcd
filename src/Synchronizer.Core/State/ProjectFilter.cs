using System.Text;
using System.Text.Json;

namespace Synchronizer.Core.State;

/// <summary>Filters stored entities by owning project (CONTRACT §4 <c>get_all(project_id=...)</c>).</summary>
/// <remarks>
/// The project is read from top-level string fields of the entity's canonical JSON, without building
/// an object tree. Which field holds it depends on the API; <see cref="DefaultFields"/> covers Nova and
/// Cinder, and a type that names it otherwise passes its own list.
/// </remarks>
public static class ProjectFilter
{
    /// <summary>Gets the fields tried when none are given: <c>project_id</c>, <c>tenant_id</c> (Nova servers) and <c>os-vol-tenant-attr:tenant_id</c> (Cinder volumes).</summary>
    public static IReadOnlyList<string> DefaultFields { get; } = ["project_id", "tenant_id", "os-vol-tenant-attr:tenant_id"];

    /// <summary>Creates a filter that accepts the entities of one project.</summary>
    /// <param name="projectId">The project id to keep.</param>
    /// <param name="fields">The top-level fields that may hold the project id; <see cref="DefaultFields"/> when <see langword="null"/>.</param>
    /// <returns>A predicate for <see cref="TypeSnapshot.Page"/>: true when one of the fields is a string equal to <paramref name="projectId"/>.</returns>
    public static Func<StoredEntity, bool> For(string projectId, IReadOnlyList<string>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(projectId);
        var names = (fields ?? DefaultFields).Select(Encoding.UTF8.GetBytes).ToArray();
        var wanted = Encoding.UTF8.GetBytes(projectId);
        return entity => Matches(entity.Json.Span, names, wanted);
    }

    private static bool Matches(ReadOnlySpan<byte> json, byte[][] names, byte[] wanted)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var candidate = IsOneOf(ref reader, names);
            reader.Read();
            if (candidate && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(wanted))
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    private static bool IsOneOf(ref Utf8JsonReader reader, byte[][] names)
    {
        foreach (var name in names)
        {
            if (reader.ValueTextEquals(name))
            {
                return true;
            }
        }

        return false;
    }
}
