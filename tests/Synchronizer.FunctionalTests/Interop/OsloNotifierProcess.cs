using System.Diagnostics;
using System.Text.Json;
using Synchronizer.FunctionalTests.Infrastructure;

namespace Synchronizer.FunctionalTests.Interop;

/// <summary>Sends OpenStack-style notifications with the real Python oslo.messaging Notifier (tests/interop/oslo_notifier.py).</summary>
internal static class OsloNotifierProcess
{
    public static async Task SendAsync(IEnumerable<object> notifications, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryPaths.Of("tests/interop/oslo_notifier.py"));
        start.ArgumentList.Add("--url");
        start.ArgumentList.Add(TestBroker.TransportUrl);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        foreach (var notification in notifications)
        {
            await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(notification));
        }

        process.StandardInput.Close();
        using var cancellation = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancellation.Token);
        Assert.True(process.ExitCode == 0, $"oslo notifier exited {process.ExitCode}: {await stderr}");
    }
}
