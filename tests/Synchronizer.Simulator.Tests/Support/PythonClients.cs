using System.Diagnostics;
using System.Text.Json;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Tests.Support;

/// <summary>
/// Runs Debian's OpenStack command-line clients (python3-openstackclient, python3-novaclient,
/// python3-heatclient) against a simulator, with /usr/bin/python3: pyenv's python3 lacks the libraries.
/// </summary>
internal sealed class PythonClients
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly SimulatorServer _server;

    public PythonClients(SimulatorServer server)
    {
        _server = server;
    }

    /// <summary>Fails with the package to install when a client is missing.</summary>
    public static void RequirePackage(string path, string package)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: install Debian's {package} (apt-get install -y {package}); scripts/functional does.");
        }
    }

    /// <summary>Runs <c>openstack ARGS -f json</c> and parses its output.</summary>
    public async Task<JsonElement> OpenStackJsonAsync(params string[] args)
    {
        var output = await RunAsync("/usr/bin/openstack", [.. args, "-f", "json"]);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    /// <summary>Runs a Python script given as text and returns its standard output.</summary>
    public Task<string> PythonAsync(string script) => RunAsync("/usr/bin/python3", ["-c", script]);

    public async Task<string> RunAsync(string program, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["OS_AUTH_URL"] = _server.IdentityUrl.ToString();
        start.Environment["OS_USERNAME"] = "admin";
        start.Environment["OS_PASSWORD"] = "secret";
        start.Environment["OS_PROJECT_NAME"] = "admin";
        start.Environment["OS_USER_DOMAIN_NAME"] = "Default";
        start.Environment["OS_PROJECT_DOMAIN_NAME"] = "Default";
        start.Environment["OS_IDENTITY_API_VERSION"] = "3";
        start.Environment["OS_REGION_NAME"] = "RegionOne";
        start.Environment.Remove("PYTHONPATH");
        start.Environment.Remove("PYTHONHOME");

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {Timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }
}
