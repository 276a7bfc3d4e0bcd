using Synchronizer.FunctionalTests.RealCloud.Rest;

namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>Deletes what a run created and a failed test left behind, found by the run's name prefix.</summary>
internal static class RunSweeper
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task DeleteLeftoversAsync(CloudApis admin, CloudApis demo, string prefix)
    {
        bool Ours(System.Text.Json.JsonElement e, string nameKey) => e.GetProperty(nameKey).GetString()?.StartsWith(prefix, StringComparison.Ordinal) == true;

        foreach (var server in (await admin.Nova.ListServersAsync()).Where(s => Ours(s, "name")))
        {
            await admin.Nova.DeleteServerAsync(server.GetProperty("id").GetString()!);
        }

        foreach (var stack in (await admin.Heat.ListStacksAsync()).Where(s => Ours(s, "stack_name")))
        {
            await demo.Heat.DeleteStackAsync(stack.GetProperty("stack_name").GetString()!, stack.GetProperty("id").GetString()!);
        }

        // A volume can be deleted only once it has left "creating".
        foreach (var volume in (await admin.Cinder.ListVolumesAsync()).Where(v => Ours(v, "name")))
        {
            var id = volume.GetProperty("id").GetString()!;
            await admin.Cinder.WaitForVolumeAsync(id, v => v?.GetProperty("status").GetString() != "creating", Patience, "to leave creating");
            await admin.Cinder.DeleteVolumeAsync(id);
        }
    }
}
