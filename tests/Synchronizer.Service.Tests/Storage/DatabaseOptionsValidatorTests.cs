using Synchronizer.Service.Storage;

namespace Synchronizer.Service.Tests.Storage;

public class DatabaseOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(CreateSut().Validate(null, new DatabaseOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BadConnectionAndRetention_ReportsBothWithTheirFix()
    {
        var result = CreateSut().Validate(null, new DatabaseOptions { Connection = "sqlite://state.db", ChangeLogRetention = 0 });

        Assert.True(result.Failed);
        Assert.Collection(
            result.Failures!,
            f => Assert.Contains("[database] connection = 'sqlite://state.db'", f, StringComparison.Ordinal),
            f => Assert.Contains("[database] change_log_retention = 0 must be at least 1", f, StringComparison.Ordinal));
    }

    private static DatabaseOptionsValidator CreateSut() => new();
}
