using System.Diagnostics;
using System.Text.Json;
using Synchronizer.FunctionalTests.Infrastructure;

namespace Synchronizer.FunctionalTests.Rpc;

/// <summary>
/// The real Python oslo.messaging RPC client (tests/interop/oslo_rpc_client.py, run by Debian's
/// /usr/bin/python3 with python3-oslo.messaging): one process answers a batch of requests, one JSON
/// line each.
/// </summary>
internal static class OsloRpcClientProcess
{
    public static async Task<IReadOnlyList<JsonElement>> RunAsync(string exchange, string topic, IReadOnlyList<object> requests, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { RepositoryPaths.Of("tests/interop/oslo_rpc_client.py"), "--url", TestBroker.TransportUrl, "--exchange", exchange, "--topic", topic, "--stdin" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        foreach (var request in requests)
        {
            await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(request));
        }

        process.StandardInput.Close();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"oslo RPC client did not finish within {timeout.TotalSeconds} s: {await stdout}{await stderr}");
        }

        Assert.True(process.ExitCode == 0, $"oslo RPC client exited {process.ExitCode}: {await stderr}");
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToArray();
    }
}
