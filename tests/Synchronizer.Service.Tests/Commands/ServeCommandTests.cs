using Synchronizer.Service.Commands;
using Synchronizer.Service.Tests.Configuration.Validation;

namespace Synchronizer.Service.Tests.Commands;

/// <summary><c>serve</c> refuses an invalid configuration before it builds anything, with check-config's lines.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly ConfigurationFiles _files = new();

    [Fact]
    public async Task Invoke_InvalidConfiguration_RefusesWithCheckConfigsLinesAndExitCodeTwo()
    {
        var files = _files.Write(ConfigurationFiles.Valid, "[admin_api]\nbind = 0.0.0.0:9480\n[plugins]\ndirectory = /no/such/plugins");
        string[] args = ["--config-file", files[0], "--config-file", files[1]];

        var serve = await CommandRun.InvokeAsync(ServeCommand.Create(), ["serve", .. args]);
        var check = await CommandRun.InvokeAsync(CheckConfigCommand.Create(), ["check-config", .. args]);

        Assert.Equal(2, serve.ExitCode);
        Assert.Equal(check.ErrorLines[..^1], serve.ErrorLines[..^1]);
        Assert.Equal(2, check.ErrorLines.Length - 1);
        Assert.Equal("synchronizer: not started, the configuration is invalid: 2 problems", serve.ErrorLines[^1]);
        Assert.DoesNotContain("   at ", serve.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
