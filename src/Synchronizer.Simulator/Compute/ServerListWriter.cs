using System.Text.Json;

namespace Synchronizer.Simulator.Compute;

/// <summary>Writes <c>{"servers": [...], "servers_links": [...]}</c> for the list and detail calls.</summary>
internal static class ServerListWriter
{
    public static void Write(Utf8JsonWriter w, IReadOnlyList<ServerRecord> servers, ServerView view, bool detailed, string? nextHref)
    {
        w.WriteStartObject();
        w.WriteStartArray("servers");
        foreach (var server in servers)
        {
            if (detailed)
            {
                ServerViewWriter.Write(w, server, view);
            }
            else
            {
                WriteBasic(w, server, view);
            }
        }

        w.WriteEndArray();
        if (nextHref is not null)
        {
            w.WriteStartArray("servers_links");
            w.WriteStartObject();
            w.WriteString("rel", "next");
            w.WriteString("href", nextHref);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>The non-detailed view: id, name and links only.</summary>
    private static void WriteBasic(Utf8JsonWriter w, ServerRecord server, ServerView view)
    {
        w.WriteStartObject();
        w.WriteString("id", server.Id);
        w.WriteString("name", server.Name);
        w.WriteStartArray("links");
        w.WriteStartObject();
        w.WriteString("rel", "self");
        w.WriteString("href", view.ComputeUrl + "/servers/" + server.Id);
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("rel", "bookmark");
        w.WriteString("href", view.BookmarkUrl + "/servers/" + server.Id);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
