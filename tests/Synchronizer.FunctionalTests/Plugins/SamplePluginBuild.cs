using System.Diagnostics;
using Synchronizer.FunctionalTests.Infrastructure;

namespace Synchronizer.FunctionalTests.Plugins;

/// <summary>
/// Builds tests/SamplePlugin, which nothing in the service references, into a fresh plugin directory
/// (<c>&lt;temp&gt;/SamplePlugin/SamplePlugin.dll</c>), as an operator would drop a plugin in.
/// </summary>
public sealed class SamplePluginBuild : IAsyncLifetime
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Gets the directory to set as <c>[plugins] directory</c>.</summary>
    public string Directory { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("synchronizer-plugins-").FullName;

        // The same configuration as this test assembly (bin/<Configuration>/net10.0), so the shared
        // assemblies it compiles against are the ones already built next to the service.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "build", RepositoryPaths.Of("tests/SamplePlugin/SamplePlugin.csproj"), "--nologo", "-v", "q",
                "-c", configuration, "-o", Path.Combine(Directory, "SamplePlugin"), "-p:BuildProjectReferences=false",
            },
        };

        // The test host inherits MSBuild variables from "dotnet test"; a nested build must find its own SDK.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(BuildTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building the sample plugin failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}
