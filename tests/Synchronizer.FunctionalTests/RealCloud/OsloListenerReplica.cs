using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Synchronizer.FunctionalTests.Infrastructure;

namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>
/// A replica kept by the real Python oslo.messaging listener (tests/interop/oslo_notification_listener.py,
/// Debian's /usr/bin/python3), unbounded: each notification it prints is applied as it arrives, in
/// revision order, as a topic subscriber with its own pool applies them.
/// </summary>
/// <remarks>Interop's OsloListenerProcess reads the output only once the listener exits after a known count; this one streams.</remarks>
internal sealed class OsloListenerReplica : IDisposable
{
    private readonly Process _process;
    private readonly string _readyFile;
    private readonly Dictionary<string, (long Revision, string Hash, JsonElement Entity)> _entities = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];
    private readonly SortedDictionary<long, JsonElement> _pending = [];
    private long _revision;

    private OsloListenerReplica(Process process, string readyFile)
    {
        _process = process;
        _readyFile = readyFile;
        _ = ReadAsync();
    }

    public long Revision => Interlocked.Read(ref _revision);

    /// <summary>Gets the replica: id to (revision, hash, entity).</summary>
    public IReadOnlyDictionary<string, (long Revision, string Hash, JsonElement Entity)> Entities
    {
        get
        {
            lock (_entities)
            {
                return new Dictionary<string, (long, string, JsonElement)>(_entities, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Gets what the notifications broke: hashes that do not match their entity, revisions still waiting for a missing one.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_entities)
            {
                var gaps = _pending.Keys.Select(r => string.Create(CultureInfo.InvariantCulture, $"r{r} waits for r{_revision + 1}, which never came"));
                return [.. _problems, .. gaps];
            }
        }
    }

    /// <summary>Starts the listener on the topic of <paramref name="entityType"/> with a pool of its own; returns once its queue is bound.</summary>
    public static async Task<OsloListenerReplica> StartAsync(string exchange, string entityType)
    {
        var readyFile = Path.Combine(Path.GetTempPath(), $"oslo-replica-{Guid.NewGuid():N}.ready");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            RepositoryPaths.Of("tests/interop/oslo_notification_listener.py"),
            "--url", TestBroker.TransportUrl, "--exchange", exchange, "--topic", $"synchronizer.{entityType}",
            "--pool", $"realcloud-{Guid.NewGuid():N}"[..20], "--count", "0", "--timeout", "1800", "--ready-file", readyFile,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var listener = new OsloListenerReplica(process, readyFile);
        await Eventually.UntilAsync(
            () => Task.FromResult(File.Exists(readyFile) || process.HasExited), ready => ready, TimeSpan.FromSeconds(30), $"the oslo listener of {entityType} to bind its queue");
        Assert.False(process.HasExited, $"the oslo listener of {entityType} exited with {(process.HasExited ? process.ExitCode : 0)}");
        return listener;
    }

    public Task WaitForRevisionAsync(long revision, TimeSpan timeout) =>
        Eventually.UntilAsync(() => Task.FromResult(Revision), r => r >= revision, timeout, $"the oslo listener to reach revision {revision}");

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
        File.Delete(_readyFile);
    }

    private async Task ReadAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.Length > 0)
                {
                    Apply(JsonDocument.Parse(line).RootElement.GetProperty("payload").Clone());
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            lock (_entities)
            {
                _problems.Add($"unreadable listener output: {ex.Message}");
            }
        }
    }

    // The service publishes in revision order (CONTRACT §3), but oslo's threading executor may hand two
    // notifications to the endpoint out of order: they wait here until the revision before them is applied.
    // One that repeats an applied revision is a duplicate.
    private void Apply(JsonElement payload)
    {
        lock (_entities)
        {
            var revision = payload.GetProperty("revision").GetInt64();
            if (revision > _revision)
            {
                _pending[revision] = payload;
            }

            while (_pending.Remove(_revision + 1, out var next))
            {
                ApplyInOrder(next);
            }
        }
    }

    private void ApplyInOrder(JsonElement payload)
    {
        var revision = payload.GetProperty("revision").GetInt64();
        var id = payload.GetProperty("id").GetString()!;
        var entity = payload.GetProperty("entity");
        var hash = payload.GetProperty("hash").GetString()!;
        if (EntityHashes.Of(entity) != hash)
        {
            _problems.Add($"r{revision} {id}: hash {hash} is not the hash of its entity");
        }

        if (payload.GetProperty("action").GetString() == "delete")
        {
            _entities.Remove(id);
        }
        else
        {
            _entities[id] = (revision, hash, entity);
        }

        Interlocked.Exchange(ref _revision, revision);
    }
}
