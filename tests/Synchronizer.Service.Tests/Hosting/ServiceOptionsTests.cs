using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Synchronizer.Service.Hosting;

namespace Synchronizer.Service.Tests.Hosting;

public class ServiceOptionsTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void Debug_SetsTheLogLevelOfTheHost(string? debug, bool debugEnabled)
    {
        using var host = Build(("DEFAULT:debug", debug));

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("test");

        Assert.Equal(debugEnabled, logger.IsEnabled(LogLevel.Debug));
        Assert.True(logger.IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void AspNetCoreRequestLines_AreFilteredBelowWarning()
    {
        using var host = Build(("DEFAULT:debug", "true"));

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Theory]
    [InlineData(null, 90)]
    [InlineData("5", 5)]
    public void GracefulShutdownTimeout_IsTheHostsShutdownTimeout(string? configured, int seconds)
    {
        using var host = Build(("DEFAULT:graceful_shutdown_timeout", configured));

        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(seconds), options.ShutdownTimeout);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(ServiceOptions.MaxGracefulShutdownTimeout + 1)]
    public void Validator_RejectsATimeoutOutOfRange_NamingKeyAndFix(int seconds)
    {
        var result = new ServiceOptionsValidator().Validate(null, new ServiceOptions { GracefulShutdownTimeout = seconds });

        Assert.True(result.Failed);
        Assert.Contains("[DEFAULT] graceful_shutdown_timeout", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("for example 90", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_AcceptsTheDefault() =>
        Assert.True(new ServiceOptionsValidator().Validate(null, new ServiceOptions()).Succeeded);

    private static IHost Build(params (string Key, string? Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
        return SynchronizerHost.Build(configuration);
    }
}
