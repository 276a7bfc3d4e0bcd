using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Synchronizer.Messaging;
using Synchronizer.Messaging.Rpc;

namespace Synchronizer.FunctionalTests.Rpc;

/// <summary>The registration the service will call; needs no broker.</summary>
public class RpcServiceCollectionExtensionsTests
{
    [Fact]
    public void AddOsloRpcServer_CalledTwice_RegistersTheServerOnceAsAHostedService()
    {
        using var provider = CreateServices(new Dictionary<string, string?>(), (services, section) =>
        {
            services.AddOsloRpcServer<FakeRpcDispatcher>(section);
            services.AddOsloRpcServer(section);
        });

        var hosted = Assert.Single(provider.GetServices<IHostedService>());
        Assert.Same(provider.GetRequiredService<OsloRpcServer>(), hosted);
        Assert.IsType<FakeRpcDispatcher>(provider.GetRequiredService<IRpcDispatcher>());
    }

    [Fact]
    public void AddOsloRpcServer_BindsTheDefaultSectionsKeys()
    {
        using var provider = CreateServices(
            new Dictionary<string, string?> { ["DEFAULT:rpc_topic"] = "sync-rpc", ["DEFAULT:rpc_workers"] = "3", ["DEFAULT:rpc_max_request_bytes"] = "65536" },
            (services, section) => services.AddOsloRpcServer<FakeRpcDispatcher>(section));

        var options = provider.GetRequiredService<IOptions<RpcServerOptions>>().Value;

        Assert.Equal(("sync-rpc", 3, 65536), (options.Topic, options.Workers, options.MaxRequestBytes));
    }

    [Fact]
    public void AddOsloRpcServer_InvalidOption_FailsValidationNamingTheKey()
    {
        using var provider = CreateServices(
            new Dictionary<string, string?> { ["DEFAULT:rpc_workers"] = "0" },
            (services, section) => services.AddOsloRpcServer<FakeRpcDispatcher>(section));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RpcServerOptions>>().Value);

        Assert.Contains("[DEFAULT] rpc_workers", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider CreateServices(Dictionary<string, string?> settings, Action<IServiceCollection, IConfiguration> register)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOsloMessaging(configuration.GetSection(MessagingOptions.SectionName));
        register(services, configuration.GetSection(RpcServerOptions.SectionName));
        return services.BuildServiceProvider();
    }
}
