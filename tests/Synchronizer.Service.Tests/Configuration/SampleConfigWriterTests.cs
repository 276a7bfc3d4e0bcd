using Synchronizer.Service.Configuration;

namespace Synchronizer.Service.Tests.Configuration;

public class SampleConfigWriterTests
{
    [Fact]
    public void Write_CurrentOptions_MatchesTheCheckedInSample()
    {
        var expected = SampleConfigWriter.Write(KnownOptions.OptionsTypes(), KnownOptions.EntityTypes());
        var path = Path.Combine(RepositoryRoot(), "etc", "synchronizer", "synchronizer.conf.sample");

        var actual = File.Exists(path) ? File.ReadAllText(path) : "(missing)";

        Assert.True(expected == actual, $"{path} is stale: run scripts/genconfig and commit the result.");
    }

    [Fact]
    public void Write_Sample_ListsEveryKeyOnceWithHelpAndDefault()
    {
        var sample = SampleConfigWriter.Write(KnownOptions.OptionsTypes(), KnownOptions.EntityTypes());

        Assert.Contains("[DEFAULT]", sample, StringComparison.Ordinal);
        Assert.Contains("#transport_url = rabbit://guest:guest@127.0.0.1:5672/", sample, StringComparison.Ordinal);
        Assert.Contains("[service_credentials]", sample, StringComparison.Ordinal);
        Assert.Contains("[nova.instance]", sample, StringComparison.Ordinal);
        Assert.Contains("#interval = 60", sample, StringComparison.Ordinal);
        Assert.Contains("[nova.zone]", sample, StringComparison.Ordinal);
        Assert.Contains("#interval = 300\n\n# Seconds from the end of a failed poll to the next try", sample, StringComparison.Ordinal);
        Assert.Contains("#retry_interval = 15\n", sample, StringComparison.Ordinal);
        Assert.Contains("#jitter = 0.1\n", sample, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.MachineName + "\n", sample, StringComparison.Ordinal);
        Assert.Single(sample.Split('\n'), l => l.StartsWith("#auth_url", StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Synchronizer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Synchronizer.sln not found above the test output.");
    }
}
