using System.Diagnostics;
using Synchronizer.FunctionalTests.Infrastructure;

namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>Runs a step of <c>scripts/realstack</c>, for what only the stack's owner can change (keystone's token lifetime).</summary>
internal static class RealStackScript
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static async Task RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(RepositoryPaths.Of("scripts/realstack")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"scripts/realstack {string.Join(' ', arguments)} exited {process.ExitCode}: {await stdout}{await stderr}");
    }
}
