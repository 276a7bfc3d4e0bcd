using System.Globalization;
using System.Text.Json;
using static Synchronizer.Simulator.Hosting.JsonValues;

namespace Synchronizer.Simulator.Orchestration;

/// <summary>
/// Renders stacks as heat's stacks_view does: the list item from format_stack_db_object (fixture
/// heat/api_samples/stacks-list-response.json; "project" for admins) and the show body from
/// engine.api.format_stack (fixture stack-show-response.json).
/// </summary>
internal static class StackViewWriter
{
    public static void WriteListItem(Utf8JsonWriter w, StackRecord s, string baseUrl, bool includeProject)
    {
        w.WriteStartObject();
        WriteIdAndLinks(w, s, baseUrl);
        if (includeProject)
        {
            w.WriteString("project", s.ProjectId);
        }

        w.WriteString("stack_name", s.Name);

        // format_stack_db_object never loads the template, so the list always says "".
        w.WriteString("description", string.Empty);
        w.WriteString("stack_status", s.StackStatus);
        w.WriteString("stack_status_reason", s.StatusReason);
        WriteTimes(w, s);
        w.WriteString("stack_owner", s.Username);
        w.WriteNull("parent");
        w.WriteString("stack_user_project_id", s.ProjectId);
        WriteTags(w, s.Tags);
        w.WriteEndObject();
    }

    public static void WriteShow(Utf8JsonWriter w, StackRecord s, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteString("stack_name", s.Name);
        WriteIdAndLinks(w, s, baseUrl);
        WriteTimes(w, s);
        w.WriteStartArray("notification_topics");
        w.WriteEndArray();
        w.WriteStartObject("parameters");
        w.WriteString("OS::project_id", s.ProjectId);
        w.WriteString("OS::stack_id", s.Id);
        w.WriteString("OS::stack_name", s.Name);
        w.WriteEndObject();
        w.WriteString("description", s.Description);
        w.WriteString("template_description", s.Description);
        w.WriteStartArray("capabilities");
        w.WriteEndArray();
        w.WriteBoolean("disable_rollback", true);
        w.WriteNull("timeout_mins");
        w.WriteString("stack_owner", s.Username);
        w.WriteNull("parent");
        w.WriteString("stack_user_project_id", s.ProjectId);
        WriteTags(w, s.Tags);
        w.WriteString("stack_status", s.StackStatus);
        w.WriteString("stack_status_reason", s.StatusReason);
        w.WriteStartArray("outputs");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>util.make_url: a stack's own identity, so its own project, whoever lists it.</summary>
    public static string StackUrl(string baseUrl, StackRecord stack) => $"{baseUrl}/orchestration/v1/{stack.ProjectId}/stacks/{stack.Name}/{stack.Id}";

    /// <summary>heat_timeutils.isotime: whole seconds and a Z; null stays null.</summary>
    public static string? IsoTime(DateTime? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteIdAndLinks(Utf8JsonWriter w, StackRecord s, string baseUrl)
    {
        w.WriteString("id", s.Id);
        w.WriteStartArray("links");
        w.WriteStartObject();
        w.WriteString("href", StackUrl(baseUrl, s));
        w.WriteString("rel", "self");
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void WriteTimes(Utf8JsonWriter w, StackRecord s)
    {
        w.WriteString("creation_time", IsoTime(s.CreatedAt));
        WriteStringOrNull(w, "updated_time", IsoTime(s.UpdatedAt));
        WriteStringOrNull(w, "deletion_time", IsoTime(s.DeletedAt));
    }

    private static void WriteTags(Utf8JsonWriter w, IReadOnlyList<string>? tags)
    {
        if (tags is null)
        {
            w.WriteNull("tags");
            return;
        }

        w.WriteStartArray("tags");
        foreach (var tag in tags)
        {
            w.WriteStringValue(tag);
        }

        w.WriteEndArray();
    }
}
