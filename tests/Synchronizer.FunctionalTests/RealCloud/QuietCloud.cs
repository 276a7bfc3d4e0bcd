using System.Text.Json;
using Synchronizer.FunctionalTests.RealCloud.Rest;

namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>
/// Waits until nothing in the cloud is still in motion (a server building or being deleted, a volume
/// creating or deleting, a stack in progress), as another test's clean-up may leave it: a comparison
/// with what the APIs list only holds once the cloud has stopped changing (CONTRACT §5).
/// </summary>
internal static class QuietCloud
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    public static Task WaitAsync(CloudApis admin) =>
        Eventually.UntilAsync(() => MovingAsync(admin), moving => moving.Count == 0, Patience, "the cloud to stop changing");

    private static async Task<List<string>> MovingAsync(CloudApis admin)
    {
        var moving = new List<string>();
        moving.AddRange((await admin.Nova.ListServersAsync())
            .Where(s => Text(s, "OS-EXT-STS:task_state") is not null || Text(s, "status") == "BUILD")
            .Select(s => $"server {Text(s, "id")} {Text(s, "status")}/{Text(s, "OS-EXT-STS:task_state")}"));
        moving.AddRange((await admin.Cinder.ListVolumesAsync())
            .Where(v => Text(v, "status") is "creating" or "deleting" or "downloading" or "attaching" or "detaching")
            .Select(v => $"volume {Text(v, "id")} {Text(v, "status")}"));
        moving.AddRange((await admin.Heat.ListStacksAsync())
            .Where(s => Text(s, "stack_status")?.EndsWith("_IN_PROGRESS", StringComparison.Ordinal) == true)
            .Select(s => $"stack {Text(s, "id")} {Text(s, "stack_status")}"));
        return moving;
    }

    private static string? Text(JsonElement entity, string name) =>
        entity.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
