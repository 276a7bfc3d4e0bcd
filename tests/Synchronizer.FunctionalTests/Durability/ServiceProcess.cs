using System.Collections.Concurrent;
using System.Diagnostics;
using Synchronizer.FunctionalTests.Infrastructure;

namespace Synchronizer.FunctionalTests.Durability;

/// <summary>
/// The real <c>synchronizer serve</c> as a child process (<c>dotnet synchronizer.dll</c>, built in the
/// same configuration as these tests), so a test can kill it as an operator or the OOM killer would.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private const int KeptLines = 300;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    /// <summary>Gets the last lines the service wrote, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Gets the path of the service's entry assembly, in the configuration (Debug, Release) these tests were built in.</summary>
    public static string EntryAssembly
    {
        get
        {
            // The tests run from tests/Synchronizer.FunctionalTests/bin/<Configuration>/net10.0/.
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = output.Parent!.Name;
            return RepositoryPaths.Of(Path.Combine("src", "Synchronizer.Service", "bin", configuration, output.Name, "synchronizer.dll"));
        }
    }

    public static ServiceProcess Start(string configFile)
    {
        var entry = EntryAssembly;
        if (!File.Exists(entry))
        {
            throw new InvalidOperationException($"{entry} is missing: build src/Synchronizer.Service in the configuration of these tests first.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(configFile)!,
        };
        start.ArgumentList.Add(entry);
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--config-file");
        start.ArgumentList.Add(configFile);

        // Only the file configures the service: no SYNCHRONIZER__* override leaks in from the runner.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("SYNCHRONIZER__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Kills the process outright (SIGKILL): no shutdown code runs, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines)
        {
            _output.TryDequeue(out _);
        }
    }
}
