using Synchronizer.Service.Commands;
using Synchronizer.Service.Tests.Configuration.Validation;

namespace Synchronizer.Service.Tests.Commands;

public sealed class CheckConfigCommandTests : IDisposable
{
    private readonly ConfigurationFiles _files = new();

    [Fact]
    public async Task Invoke_ValidConfiguration_PrintsOkAndTheEnabledTypesAndExitsZero()
    {
        var files = _files.Write(ConfigurationFiles.Valid, "[nova.zone]\nenabled = false");

        var run = await CommandRun.InvokeAsync(CheckConfigCommand.Create(), "check-config", "--config-file", files[0], "--config-file", files[1]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "configuration OK\n4 entity types enabled: cinder.volume every 60 s, heat.stack every 60 s, nova.host every 60 s, nova.instance every 60 s; disabled: nova.zone\n",
            run.Output.ReplaceLineEndings("\n"));
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Invoke_InvalidConfiguration_OneLinePerProblemOnStandardErrorAndExitCodeTwo()
    {
        var files = _files.Write(ConfigurationFiles.Valid, "[DEFAULT]\ntransport_url = rabbit://guest:hunter2-bus@h:99999/\n[nova.instance]\nintervall = 5\njitter = 3");

        var run = await CommandRun.InvokeAsync(CheckConfigCommand.Create(), "check-config", "--config-file", files[0], "--config-file", files[1]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Collection(
            run.ErrorLines,
            l => Assert.StartsWith("[DEFAULT] transport_url: 'rabbit://guest:***@h:99999/' is not a RabbitMQ transport URL", l, StringComparison.Ordinal),
            l => Assert.StartsWith("[nova.instance] intervall: is not a key of [nova.instance]; did you mean interval?", l, StringComparison.Ordinal),
            l => Assert.StartsWith("[nova.instance] jitter: '3' is not a fraction from 0 to 0.5", l, StringComparison.Ordinal),
            l => Assert.Equal("configuration invalid: 3 problems", l));
        Assert.DoesNotContain("hunter2", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_MissingFile_NamesItExitCodeTwoAndNoStackTrace()
    {
        var missing = Path.Combine(_files.Directory, "nope.conf");

        var run = await CommandRun.InvokeAsync(CheckConfigCommand.Create(), "check-config", "--config-file", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"Configuration file {missing} does not exist: check --config-file.", "configuration invalid: 1 problem"], run.ErrorLines);
    }

    [Fact]
    public async Task Invoke_MalformedFile_NamesFileAndLineWithoutQuotingIt()
    {
        var file = _files.Write("[service_credentials]\nauth_url = http://127.0.0.1:5000/v3\nhunter2-pasted-password")[0];

        var run = await CommandRun.InvokeAsync(CheckConfigCommand.Create(), "check-config", "--config-file", file);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{file}:3: this line of [service_credentials] has no '=' or ':'", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ConfigDir_ReadsItsFilesLikeServe()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_files.Directory, "conf.d")).FullName;
        File.WriteAllText(Path.Combine(dir, "10-base.conf"), ConfigurationFiles.Valid);
        File.WriteAllText(Path.Combine(dir, "20-bad.conf"), "[heat.stack]\ninterval = never");

        var run = await CommandRun.InvokeAsync(CheckConfigCommand.Create(), "check-config", "--config-dir", dir);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("[heat.stack] interval: 'never' is not a whole number of seconds >= 1", run.ErrorLines[0], StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
