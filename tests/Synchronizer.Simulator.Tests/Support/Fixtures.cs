using System.Text.Json;

namespace Synchronizer.Simulator.Tests.Support;

/// <summary>The recorded OpenStack samples in the test project's Fixtures/ folder.</summary>
internal static class Fixtures
{
    public static JsonElement Load(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>The first server of a list sample, or the server of a show sample.</summary>
    public static JsonElement Server(string relativePath)
    {
        var root = Load(relativePath);
        return root.TryGetProperty("server", out var server) ? server : root.GetProperty("servers")[0];
    }
}
