using System.Collections.Concurrent;
using System.Diagnostics;
using Synchronizer.FunctionalTests.Durability;

namespace Synchronizer.FunctionalTests.Cli;

/// <summary>
/// The built <c>synchronizer</c> command (<c>dotnet synchronizer.dll</c>, the configuration these tests
/// were built in) as an operator runs it: its own process, its exit code, its standard output and error.
/// </summary>
internal sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _error = new();

    private CliProcess(Process process) => _process = process;

    public IReadOnlyList<string> OutputLines => [.. _output];

    public string Error => string.Join(Environment.NewLine, _error);

    public bool HasExited => _process.HasExited;

    /// <summary>Runs a command to its end; a command still running after <paramref name="timeout"/> is killed and fails the test.</summary>
    public static async Task<CliResult> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        using var process = new Process { StartInfo = StartInfo(arguments) };
        process.Start();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"synchronizer {string.Join(' ', arguments)} still ran after {timeout}.");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>Starts a long-running command (<c>watch</c>) whose lines are collected as they come.</summary>
    public static CliProcess Start(params string[] arguments)
    {
        var process = new Process { StartInfo = StartInfo(arguments) };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => Keep(cli._output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(cli._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Waits until a line of standard output matches, or fails with what the command wrote.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (_output.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            await Task.Delay(50);
        }

        return _output.FirstOrDefault(match)
            ?? throw new TimeoutException($"No line of {what} within {timeout} (exited: {_process.HasExited}). Output:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}{Environment.NewLine}Error:{Environment.NewLine}{Error}");
    }

    /// <summary>Waits until standard error holds a text.</summary>
    public async Task WaitForErrorAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Error.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new TimeoutException($"'{text}' not on standard error within {timeout} (exited: {_process.HasExited}): {Error}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Sends SIGINT, as Ctrl-C does (SIGTERM, the same stop, where SIGINT is ignored), and returns the exit code.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        // A test run started in the background by a non-interactive shell (as CI may start it)
        // inherits an ignored SIGINT, and .NET keeps it ignored in the child.
        var signal = SigIntIgnored() ? "-TERM" : "-INT";
        using (var kill = Process.Start("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);

        // The asynchronous readers finish the last lines after the exit.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    private static bool SigIntIgnored()
    {
        const ulong SigIntBit = 1UL << (2 - 1);
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var mask)
            && (mask & SigIntBit) != 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string[] arguments)
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
        };
        start.ArgumentList.Add(entry);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Only the file configures the command: no SYNCHRONIZER__* override leaks in from the runner.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("SYNCHRONIZER__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        return start;
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
