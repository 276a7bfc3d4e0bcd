using System.Diagnostics;
using System.Globalization;
using Synchronizer.FunctionalTests.Durability;

namespace Synchronizer.FunctionalTests.Security;

/// <summary>
/// The built <c>synchronizer</c> command (<c>dotnet synchronizer.dll ARGS</c>, as <see cref="ServiceProcess"/>
/// runs it) as a child process, keeping every line of stdout and stderr, not only the last ones.
/// </summary>
internal sealed class RecordedServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly List<OutputLine> _output = [];

    private RecordedServeProcess(Process process) => _process = process;

    public IReadOnlyList<OutputLine> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>synchronizer ARGS</c> in <paramref name="workingDirectory"/>.</summary>
    /// <param name="workingDirectory">The working directory, where a relative clouds.yaml would be found.</param>
    /// <param name="environment">Variables to set for it; every <c>SYNCHRONIZER__*</c> and <c>OS_*</c> of the runner is removed first.</param>
    /// <param name="arguments">The command and its options, for example <c>serve --config-file F</c>.</param>
    public static RecordedServeProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var entry = ServiceProcess.EntryAssembly;
        if (!File.Exists(entry))
        {
            throw new InvalidOperationException($"{entry} is missing: build src/Synchronizer.Service in the configuration of these tests first.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(entry);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Only what the test writes configures the service: nothing leaks in from the runner's shell.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("SYNCHRONIZER__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("OS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var recorded = new RecordedServeProcess(process);
        process.OutputDataReceived += (_, e) => recorded.Keep("stdout", e.Data);
        process.ErrorDataReceived += (_, e) => recorded.Keep("stderr", e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return recorded;
    }

    /// <summary>Waits for the process to end by itself, with all its output read.</summary>
    /// <returns>The exit code.</returns>
    /// <exception cref="TimeoutException">It still ran after <paramref name="timeout"/>; it is killed.</exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"synchronizer still ran after {timeout.TotalSeconds} s; killed. Its last lines:{Environment.NewLine}{Tail()}");
        }

        return _process.ExitCode;
    }

    /// <summary>Waits until a line matches, or the process ends, or <paramref name="timeout"/> passes.</summary>
    /// <returns>Whether a line matched.</returns>
    public async Task<bool> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Any(l => predicate(l.Text)))
        {
            if (_process.HasExited)
            {
                // Its last lines may still be on their way through the pipes: read them to the end.
                await _process.WaitForExitAsync();
                return Output.Any(l => predicate(l.Text));
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Sends SIGTERM, as systemd and docker stop do, and waits for the shutdown to finish.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync(StopPatience);
    }

    /// <summary>Gets the last lines, for a failure message about something other than secrets.</summary>
    public string Tail(int count = 40) => string.Join(Environment.NewLine, Output.TakeLast(count).Select(l => l.Text));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string stream, string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(new OutputLine(stream, line));
            }
        }
    }
}
