using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NSubstitute;
using Synchronizer.Core.State;
using Synchronizer.Service.Hosting;
using Synchronizer.Service.Storage;

namespace Synchronizer.Service.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("synchronizer-storage-").FullName;

    [Fact]
    public void AddChangeStore_NoDatabaseSection_InMemoryStore()
    {
        using var provider = CreateSut([]);

        Assert.IsType<InMemoryChangeStore>(provider.GetRequiredService<IChangeStore>());
    }

    [Fact]
    public async Task AddChangeStore_SqliteConnection_SqliteStoreOnThatFile()
    {
        var path = Path.Combine(_dir, "state.db");
        await using (var provider = CreateSut(new() { ["database:connection"] = $"sqlite://{path}", ["database:change_log_retention"] = "10" }))
        {
            var store = Assert.IsType<SqliteChangeStore>(provider.GetRequiredService<IChangeStore>());
            await store.LoadAsync("nova.instance", CancellationToken.None);
        }

        Assert.True(File.Exists(path));
    }

    [Fact]
    public void AddChangeStore_StoreRegisteredBefore_Wins()
    {
        var services = new ServiceCollection();
        var own = Substitute.For<IChangeStore>();
        services.AddSingleton(own);
        services.AddChangeStore(Configuration(new() { ["database:connection"] = "sqlite:///:memory:" }).GetSection(DatabaseOptions.SectionName));

        using var provider = services.BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<IChangeStore>());
    }

    [Fact]
    public void AddChangeStore_BadConnection_FailsNamingTheSettingAndTheFix()
    {
        using var provider = CreateSut(new() { ["database:connection"] = "sqlite://state.db" });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IChangeStore>());

        Assert.Contains("[database] connection = 'sqlite://state.db'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("sqlite:///var/lib/synchronizer/state.db", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSynchronizer_StartUpRecovery_IsRegisteredBeforeTheScheduler()
    {
        var services = new ServiceCollection();
        services.AddSynchronizer(Configuration([]));

        var hosted = services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType?.Name ?? "factory").ToList();

        var recovery = hosted.IndexOf(nameof(PendingChangesRecovery));
        Assert.True(recovery >= 0, string.Join(", ", hosted));
        Assert.True(recovery < hosted.FindIndex(n => n.StartsWith("Quartz", StringComparison.Ordinal)), string.Join(", ", hosted));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ServiceProvider CreateSut(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddChangeStore(Configuration(settings).GetSection(DatabaseOptions.SectionName));
        return services.BuildServiceProvider();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
