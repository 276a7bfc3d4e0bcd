using System.CommandLine;
using Synchronizer.Service.Commands;
using Synchronizer.Service.Commands.Client;

namespace Synchronizer.Service.Tests.Commands.Client;

public sealed class ClientCommandRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("synchronizer-runner-").FullName;
    private readonly TestConsole _console = new();
    private readonly Option<int> _timeout = ClientCommandOptions.Timeout(30);
    private int _bodyCalls;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task RunAsync_MissingConfigurationFile_InvalidConfigurationAndNothingCalled()
    {
        var code = await RunAsync($"--config-file {Path.Combine(_dir, "missing.conf")}");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.StartsWith("synchronizer: invalid configuration: ", Assert.Single(ErrorLines()), StringComparison.Ordinal);
        Assert.Equal(0, _bodyCalls);
    }

    [Fact]
    public async Task RunAsync_MalformedTransportUrl_InvalidConfigurationWithoutThePassword()
    {
        var file = Path.Combine(_dir, "bad.conf");
        await File.WriteAllTextAsync(file, $"[DEFAULT]\ntransport_url = kafka://ops:{Settings.Password}@broker:9092/\n");

        var code = await RunAsync($"--config-file {file}");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        var line = Assert.Single(ErrorLines());
        Assert.StartsWith("synchronizer: invalid configuration: [DEFAULT] transport_url: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Settings.Password, line, StringComparison.Ordinal);
        Assert.Equal(0, _bodyCalls);
    }

    private string[] ErrorLines() => _console.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private Task<int> RunAsync(string arguments)
    {
        var command = new Command("probe");
        ClientCommandOptions.AddConfiguration(command);
        command.Options.Add(_timeout);
        var parse = new RootCommand { command }.Parse($"probe {arguments}");
        return ClientCommandRunner.RunAsync(
            parse,
            _timeout,
            _console.Console,
            (_, _, _) =>
            {
                _bodyCalls++;
                return Task.FromResult(ExitCodes.Ok);
            },
            CancellationToken.None);
    }
}
