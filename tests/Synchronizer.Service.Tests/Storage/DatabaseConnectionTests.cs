using Synchronizer.Service.Storage;

namespace Synchronizer.Service.Tests.Storage;

public class DatabaseConnectionTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_Empty_IsPlainMemory(string? text)
    {
        Assert.True(DatabaseConnection.TryParse(text, out var connection, out _));
        Assert.Equal(DatabaseKind.InMemory, connection.Kind);
    }

    [Theory]
    [InlineData("sqlite:///var/lib/synchronizer/state.db", "/var/lib/synchronizer/state.db")]
    [InlineData("sqlite:////var/lib/synchronizer/state.db", "/var/lib/synchronizer/state.db")]
    [InlineData("SQLITE:///tmp/a/../b/state.db", "/tmp/b/state.db")]
    [InlineData("  sqlite:///srv/state.db  ", "/srv/state.db")]
    public void TryParse_SqliteAbsolutePath_IsThatFile(string text, string path)
    {
        Assert.True(DatabaseConnection.TryParse(text, out var connection, out _));
        Assert.Equal(new DatabaseConnection(DatabaseKind.SqliteFile, path), connection);
    }

    [Theory]
    [InlineData("sqlite:///:memory:")]
    [InlineData("sqlite://:memory:")]
    [InlineData("sqlite://")]
    public void TryParse_SqliteMemory_IsSqliteInMemory(string text)
    {
        Assert.True(DatabaseConnection.TryParse(text, out var connection, out _));
        Assert.Equal(DatabaseKind.SqliteMemory, connection.Kind);
    }

    [Theory]
    [InlineData("sqlite://state.db")]
    [InlineData("sqlite:///var/lib/synchronizer/")]
    [InlineData("sqlite:///var/lib/state.db?mode=ro")]
    [InlineData("mysql://user@host/db")]
    [InlineData("/var/lib/synchronizer/state.db")]
    public void TryParse_Unusable_ErrorNamesTheSettingAndTheFix(string text)
    {
        Assert.False(DatabaseConnection.TryParse(text, out _, out var error));
        Assert.StartsWith("[database] connection = '", error, StringComparison.Ordinal);
        Assert.Contains("sqlite:///var/lib/synchronizer/state.db", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Postgresql_SaysNotYetAndHidesThePassword()
    {
        Assert.False(DatabaseConnection.TryParse("postgresql://sync:s3cret@db.example/sync", out _, out var error));
        Assert.Contains("PostgreSQL is not supported yet", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Unusable_ThrowsWithTheMessage()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => DatabaseConnection.Parse("sqlite://relative.db"));
        Assert.Contains("[database] connection", failure.Message, StringComparison.Ordinal);
    }
}
