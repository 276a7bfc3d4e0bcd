using Synchronizer.Service.Configuration;

namespace Synchronizer.Service.Tests.Configuration;

[Collection(SharedProcessEnvironment.Name)]
public sealed class SynchronizerConfigurationBuilderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("synchronizer-config-").FullName;

    [Fact]
    public void Build_FilesThenDirThenEnvironment_LaterWins()
    {
        var first = Write("a.conf", "[DEFAULT]\nhost = from-file-1\ncontrol_exchange = x\n");
        var second = Write("b.conf", "[DEFAULT]\nhost = from-file-2\n");
        var dir = Directory.CreateDirectory(Path.Combine(_dir, "conf.d")).FullName;
        File.WriteAllText(Path.Combine(dir, "10-a.conf"), "[nova.instance]\ninterval = 30\n");
        File.WriteAllText(Path.Combine(dir, "20-b.conf"), "[nova.instance]\ninterval = 45\n");
        File.WriteAllText(Path.Combine(dir, "ignored.txt"), "[nova.instance]\ninterval = 99\n");
        Environment.SetEnvironmentVariable("SYNCHRONIZER__DEFAULT__CONTROL_EXCHANGE", "from-env");
        try
        {
            var configuration = SynchronizerConfigurationBuilder.Build([first, second], [dir]);

            Assert.Equal("from-file-2", configuration["DEFAULT:host"]);
            Assert.Equal("45", configuration["nova.instance:interval"]);
            Assert.Equal("from-env", configuration["DEFAULT:control_exchange"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SYNCHRONIZER__DEFAULT__CONTROL_EXCHANGE", null);
        }
    }

    [Fact]
    public void Build_MissingFile_FailsNamingTheFile()
    {
        var error = Assert.Throws<ConfigurationFileException>(() => SynchronizerConfigurationBuilder.Build([Path.Combine(_dir, "nope.conf")], []));

        Assert.Contains("nope.conf does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MissingDirectory_FailsNamingTheOption()
    {
        var error = Assert.Throws<ConfigurationFileException>(() => SynchronizerConfigurationBuilder.Build([], [Path.Combine(_dir, "nope.d")]));

        Assert.Contains("--config-dir", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
