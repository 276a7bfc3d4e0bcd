using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Synchronizer.OpenStack;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Plugins.Nova.Tests.Instances;

public class InstancePollerTests
{
    private readonly IOpenStackClient _client = Substitute.For<IOpenStackClient>();
    private readonly List<OpenStackRequest> _requests = [];

    public InstancePollerTests()
    {
        _client.GetAsync(Arg.Do<OpenStackRequest>(_requests.Add), Arg.Any<CancellationToken>()).Returns(call =>
            call.Arg<OpenStackRequest>().PathAndQuery.Contains("marker=", StringComparison.Ordinal)
                ? Fixture("servers-detail.page2.json")
                : Fixture("servers-detail.page1.json"));
    }

    [Fact]
    public async Task ListAsync_FixturePages_ListsEveryServerOfEveryPage()
    {
        var sut = CreateSut();

        var records = await sut.ListAsync(CancellationToken.None).ToListAsync();

        Assert.Equal(["f5dc173b-6804-445a-a6d8-c705dad5b5eb", "a1b2c3d4-0000-4000-8000-000000000002"], records.Select(r => r.Id));
        using var first = JsonDocument.Parse(records[0].Json);
        Assert.Equal("new-server-test", first.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task ListAsync_AsksForAllProjectsAtTheConfiguredMicroversion()
    {
        var sut = CreateSut(new() { ["nova:microversion"] = "2.60", ["nova:page_size"] = "500" });

        await sut.ListAsync(CancellationToken.None).ToListAsync();

        Assert.Equal(
            ["/servers/detail?all_tenants=1&limit=500", "/servers/detail?all_tenants=1&limit=500&marker=f5dc173b-6804-445a-a6d8-c705dad5b5eb"],
            _requests.Select(r => r.PathAndQuery));
        Assert.All(_requests, r => Assert.Equal(new ApiVersion("compute", "2.60"), r.Version));
        Assert.All(_requests, r => Assert.Equal("compute", r.ServiceType));
    }

    [Fact]
    public void Descriptor_NamesTheTypeAndItsVolatileFields()
    {
        var descriptor = CreateSut().Descriptor;

        Assert.Equal(NovaEntityTypes.Instance, descriptor.Name);
        Assert.True(EntityTypeDescriptor.IsValidName(descriptor.Name));
        Assert.Equal(["progress", "updated"], descriptor.VolatileFields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AddNova_BadPageSize_FailsValidationNamingTheKey()
    {
        var provider = Provider(new() { ["nova:page_size"] = "0" });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetServices<IEntityPoller>().Single().ListAsync(CancellationToken.None).GetAsyncEnumerator().MoveNextAsync().AsTask().GetAwaiter().GetResult());

        Assert.Contains("[nova] page_size", error.Message, StringComparison.Ordinal);
    }

    private IEntityPoller CreateSut(Dictionary<string, string?>? settings = null) => Provider(settings ?? []).GetServices<IEntityPoller>().Single();

    private ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(_client);
        services.AddOpenStack(configuration.GetSection("service_credentials"));
        new TestBuilder(services, configuration).AddNova();
        return services.BuildServiceProvider();
    }

    private static Task<byte[]> Fixture(string name) =>
        Task.FromResult(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name)));

    private sealed record TestBuilder(IServiceCollection Services, IConfiguration Configuration) : ISynchronizerBuilder;
}
