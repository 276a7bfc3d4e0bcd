using Synchronizer.Service.AdminApi;

namespace Synchronizer.Service.Tests.AdminApi;

public class AdminApiOptionsValidatorTests
{
    [Theory]
    [InlineData("127.0.0.1:9480", "")]
    [InlineData("[::1]:9480", "")]
    [InlineData("127.0.0.2:9480", "")]
    [InlineData("0.0.0.0:9480", "token")]
    public void Validate_LoopbackOrTokenSet_Succeeds(string bind, string token)
    {
        var result = CreateSut().Validate(null, new AdminApiOptions { Bind = bind, AdminToken = token });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("0.0.0.0:9480", "")]
    [InlineData("10.0.0.5:9480", "   ")]
    public void Validate_BeyondLoopbackWithoutToken_FailsNamingAdminToken(string bind, string token)
    {
        var result = CreateSut().Validate(null, new AdminApiOptions { Bind = bind, AdminToken = token });

        Assert.True(result.Failed);
        Assert.Contains("[admin_api] admin_token must be set", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreLoopbackWithoutToken()
    {
        var options = new AdminApiOptions();

        Assert.Equal("127.0.0.1:9480", options.Bind);
        Assert.Equal(string.Empty, options.AdminToken);
        Assert.True(CreateSut().Validate(null, options).Succeeded);
    }

    private static AdminApiOptionsValidator CreateSut() => new();
}
