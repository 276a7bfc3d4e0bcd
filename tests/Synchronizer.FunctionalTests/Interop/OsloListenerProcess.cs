using System.Diagnostics;
using System.Text.Json;
using Synchronizer.FunctionalTests.Infrastructure;

namespace Synchronizer.FunctionalTests.Interop;

/// <summary>
/// The real Python oslo.messaging notification listener (tests/interop/oslo_notification_listener.py,
/// run by Debian's /usr/bin/python3 with python3-oslo.messaging).
/// </summary>
internal sealed class OsloListenerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;
    private readonly string _readyFile;

    private OsloListenerProcess(Process process, string readyFile)
    {
        _process = process;
        _readyFile = readyFile;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public static async Task<OsloListenerProcess> StartAsync(string exchange, string topic, string pool, int count, TimeSpan timeout)
    {
        var readyFile = Path.Combine(Path.GetTempPath(), $"oslo-listener-{Guid.NewGuid():N}.ready");
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            RepositoryPaths.Of("tests/interop/oslo_notification_listener.py"),
            "--url", TestBroker.TransportUrl, "--exchange", exchange, "--topic", topic, "--pool", pool,
            "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--timeout", ((int)timeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--ready-file", readyFile,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var listener = new OsloListenerProcess(Process.Start(start)!, readyFile);
        await listener.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        return listener;
    }

    /// <summary>Waits for the listener to exit and returns the notifications it printed, one JSON object per line.</summary>
    public async Task<IReadOnlyList<JsonElement>> ResultsAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        var stdout = await _stdout;
        Assert.True(_process.ExitCode == 0, $"oslo listener exited {_process.ExitCode}: {await _stderr}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToArray();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        File.Delete(_readyFile);
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!File.Exists(_readyFile))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"oslo listener did not become ready (exit {(_process.HasExited ? _process.ExitCode : -1)}): {(_process.HasExited ? await _stderr : "still starting")}");
            }

            await Task.Delay(100);
        }
    }
}
