using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Synchronizer.FunctionalTests.Infrastructure;

namespace Synchronizer.FunctionalTests.EndToEnd;

/// <summary>
/// A replica kept by the real Python oslo.messaging notification listener
/// (tests/interop/oslo_replica_listener.py, Debian's /usr/bin/python3 with python3-oslo.messaging).
/// </summary>
internal sealed class OsloReplicaListenerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private readonly string _directory;

    private OsloReplicaListenerProcess(Process process, string directory)
    {
        _process = process;
        _directory = directory;
        _stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
    }

    private string ReadyFile => Path.Combine(_directory, "ready");

    private string TargetsFile => Path.Combine(_directory, "targets.json");

    private string OutputFile => Path.Combine(_directory, "replica.json");

    /// <summary>Starts the listener on every type's topic through one pool, and returns once its queue is bound.</summary>
    public static async Task<OsloReplicaListenerProcess> StartAsync(string exchange, IEnumerable<string> entityTypes, string pool, TimeSpan timeout)
    {
        var directory = Directory.CreateTempSubdirectory("oslo-replica-").FullName;
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            RepositoryPaths.Of("tests/interop/oslo_replica_listener.py"),
            "--url", TestBroker.TransportUrl, "--exchange", exchange, "--types", string.Join(',', entityTypes), "--pool", pool,
            "--ready-file", Path.Combine(directory, "ready"), "--targets-file", Path.Combine(directory, "targets.json"),
            "--output", Path.Combine(directory, "replica.json"),
            "--timeout", ((int)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var listener = new OsloReplicaListenerProcess(Process.Start(start)!, directory);
        await listener.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        return listener;
    }

    /// <summary>Tells the listener the revision each type ends at, waits for it to get there, and reads its replica.</summary>
    public async Task<OsloReplicaDump> FinishAsync(IReadOnlyDictionary<string, long> targets, TimeSpan timeout)
    {
        var partial = TargetsFile + ".partial";
        await File.WriteAllTextAsync(partial, JsonSerializer.Serialize(targets));
        File.Move(partial, TargetsFile);
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        var stderr = await _stderr;
        Assert.True(_process.ExitCode == 0, $"oslo replica listener exited {_process.ExitCode}: {stderr}");
        await using var output = File.OpenRead(OutputFile);
        using var document = await JsonDocument.ParseAsync(output);
        return OsloReplicaDump.Read(document.RootElement);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!File.Exists(ReadyFile))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"oslo replica listener did not become ready (exit {(_process.HasExited ? _process.ExitCode : -1)}): {(_process.HasExited ? await _stderr : "still starting")}");
            }

            await Task.Delay(100);
        }
    }
}
