using System.Diagnostics;
using Synchronizer.FunctionalTests.Infrastructure;

namespace Synchronizer.FunctionalTests.Rpc;

/// <summary>
/// The private RabbitMQ node behind <c>SYNCHRONIZER_TEST_TRANSPORT_URL</c>, when scripts/lib/rabbitmq.sh
/// started it: found through the <c>transport_url</c> file of its state directory under <c>.state/</c>
/// (or <c>SYNCHRONIZER_TEST_RABBITMQ_DIR</c>), and driven with <c>rabbitmqctl</c> through that library.
/// </summary>
internal static class BrokerNode
{
    public const string StateDirVariable = "SYNCHRONIZER_TEST_RABBITMQ_DIR";

    public static string StateDir { get; } = FindStateDir();

    /// <summary>Runs <c>rabbitmqctl ARGS</c> on the node and returns its output.</summary>
    public static async Task<string> CtlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(". scripts/lib/rabbitmq.sh && rabbitmq_ctl \"$@\"");
        start.ArgumentList.Add("rabbitmq_ctl");
        start.ArgumentList.Add(StateDir);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.WorkingDirectory = RepositoryPaths.Root;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"rabbitmqctl {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }

    /// <summary>Lists the node's queues or exchanges as rows of tab-separated columns (no headers).</summary>
    public static async Task<IReadOnlyList<string[]>> ListAsync(string what, params string[] columns)
    {
        var output = await CtlAsync([what, "-q", "--no-table-headers", .. columns]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).ToArray();
    }

    private static string FindStateDir()
    {
        if (Environment.GetEnvironmentVariable(StateDirVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var url = TestBroker.TransportUrl.Trim();
        var stateRoot = RepositoryPaths.Of(".state");
        var match = Directory.Exists(stateRoot)
            ? Directory.EnumerateDirectories(stateRoot).FirstOrDefault(dir =>
                File.Exists(Path.Combine(dir, "transport_url")) && File.ReadAllText(Path.Combine(dir, "transport_url")).Trim() == url)
            : null;
        return match ?? throw new InvalidOperationException(
            $"This test restarts or inspects the broker, so it needs the private node of scripts/lib/rabbitmq.sh: none under {stateRoot} " +
            $"serves {TestBroker.TransportUrlVariable}. Run it through scripts/functional, or set {StateDirVariable}.");
    }
}
