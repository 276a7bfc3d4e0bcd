using System.Text.Json;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Control;

/// <summary>Ground-truth bodies, <c>{"&lt;name&gt;": [...]}</c>, streamed in chunks so that 100k items need no 100k-item buffer.</summary>
internal static class ControlStreams
{
    private const int FlushEvery = 256;

    public static async Task WriteArrayAsync<T>(HttpContext context, string name, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonResponses.ContentType;
        var body = context.Response.BodyWriter;
        await using var writer = new Utf8JsonWriter(body, JsonResponses.WriterOptions);
        writer.WriteStartObject();
        writer.WriteStartArray(name);
        for (var i = 0; i < items.Count; i++)
        {
            write(writer, items[i]);
            if (i % FlushEvery == FlushEvery - 1)
            {
                writer.Flush();
                await body.FlushAsync(context.RequestAborted);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        await body.FlushAsync(context.RequestAborted);
    }

    /// <summary>The <c>?microversion=</c> of a ground-truth call; <paramref name="fallback"/> when absent.</summary>
    /// <exception cref="ArgumentException">Not a microversion.</exception>
    public static ApiVersion Microversion(HttpContext context, ApiVersion fallback) =>
        context.Request.Query["microversion"].ToString() is not { Length: > 0 } requested ? fallback
        : ApiVersion.TryParse(requested, out var version) ? version
        : throw new ArgumentException($"Invalid microversion '{requested}'.");
}
