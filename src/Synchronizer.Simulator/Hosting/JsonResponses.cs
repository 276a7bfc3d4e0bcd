using System.Text.Encodings.Web;
using System.Text.Json;

namespace Synchronizer.Simulator.Hosting;

/// <summary>Writes JSON bodies with <see cref="Utf8JsonWriter"/> into a buffer, then sends them with a Content-Length.</summary>
internal static class JsonResponses
{
    public const string ContentType = "application/json";

    // The Python services write "&" and "+" in hrefs literally; the default encoder would escape them.
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write, string contentType = ContentType)
    {
        // uwsgi sends a Content-Length, not chunks, so the body is rendered before it is sent.
        using var buffer = new PooledBufferWriter(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        await SendAsync(context, status, buffer.WrittenMemory, contentType);
    }

    public static async Task SendAsync(HttpContext context, int status, ReadOnlyMemory<byte> body, string contentType)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
