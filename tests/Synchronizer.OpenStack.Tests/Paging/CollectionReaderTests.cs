using System.Text;
using NSubstitute;
using Synchronizer.OpenStack.Paging;

namespace Synchronizer.OpenStack.Tests.Paging;

public class CollectionReaderTests
{
    private readonly IOpenStackClient _client = Substitute.For<IOpenStackClient>();
    private readonly Dictionary<string, string> _pages = [];

    public CollectionReaderTests()
    {
        _client.GetAsync(Arg.Any<OpenStackRequest>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var path = call.Arg<OpenStackRequest>().PathAndQuery;
            return _pages.TryGetValue(path, out var body)
                ? Task.FromResult(Encoding.UTF8.GetBytes(body))
                : Task.FromException<byte[]>(new OpenStackApiException(System.Net.HttpStatusCode.InternalServerError, $"no page for {path}"));
        });
    }

    [Fact]
    public async Task ReadAllAsync_ThreePages_FollowsNextLinksToTheEnd()
    {
        _pages["/servers/detail?all_tenants=1&limit=2"] = Page(["a", "b"], next: "b");
        _pages["/servers/detail?all_tenants=1&limit=2&marker=b"] = Page(["c", "d"], next: "d");
        _pages["/servers/detail?all_tenants=1&limit=2&marker=d"] = Page(["e"], next: null);

        var items = await ReadAsync();

        Assert.Equal(["a", "b", "c", "d", "e"], items.Select(i => i.Id));
        Assert.Equal("""{"id":"c","name":"vm-c"}""", Encoding.UTF8.GetString(items[2].Json.Span));
    }

    [Fact]
    public async Task ReadAllAsync_FullLastPageThenEmptyPage_Completes()
    {
        _pages["/servers/detail?all_tenants=1&limit=2"] = Page(["a", "b"], next: "b");
        _pages["/servers/detail?all_tenants=1&limit=2&marker=b"] = Page([], next: null);

        Assert.Equal(2, (await ReadAsync()).Count);
    }

    [Fact]
    public async Task ReadAllAsync_SecondPageFails_Throws()
    {
        _pages["/servers/detail?all_tenants=1&limit=2"] = Page(["a", "b"], next: "b");

        await Assert.ThrowsAsync<OpenStackApiException>(ReadAsync);
    }

    [Fact]
    public async Task ReadAllAsync_TruncatedJson_ThrowsOpenStackException()
    {
        _pages["/servers/detail?all_tenants=1&limit=2"] = Page(["a", "b"], next: "b")[..40];

        var error = await Assert.ThrowsAsync<OpenStackException>(ReadAsync);

        Assert.Contains("cannot be parsed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAllAsync_BodyWithoutCollection_ThrowsOpenStackException()
    {
        _pages["/servers/detail?all_tenants=1&limit=2"] = """{"error": "maintenance"}""";

        var error = await Assert.ThrowsAsync<OpenStackException>(ReadAsync);

        Assert.Contains("'servers'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAllAsync_SameMarkerTwice_ThrowsInsteadOfLooping()
    {
        _pages["/servers/detail?all_tenants=1&limit=2"] = Page(["a", "b"], next: "b");
        _pages["/servers/detail?all_tenants=1&limit=2&marker=b"] = Page(["a", "b"], next: "b");

        var error = await Assert.ThrowsAsync<OpenStackException>(ReadAsync);

        Assert.Contains("same next marker", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAllAsync_NextLinkOnForeignHost_OnlyItsMarkerIsUsed()
    {
        _pages["/servers/detail?all_tenants=1&limit=2"] = Page(["a", "b"], next: "b", host: "http://evil.example:9999/v2.1");
        _pages["/servers/detail?all_tenants=1&limit=2&marker=b"] = Page([], next: null);

        await ReadAsync();

        await _client.Received().GetAsync(Arg.Is<OpenStackRequest>(r => r.PathAndQuery == "/servers/detail?all_tenants=1&limit=2&marker=b"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ReadAllAsync_IntegerIds_BecomeStrings()
    {
        _pages["/os-hypervisors/detail?limit=2"] = """{"hypervisors": [{"id": 7, "status": "enabled"}]}""";
        var reader = new CollectionReader(_client);
        var request = new CollectionRequest("compute", "/os-hypervisors/detail", "hypervisors", 2) { LinksKey = "hypervisors_links" };

        var items = await reader.ReadAllAsync(request, CancellationToken.None).ToListAsync();

        Assert.Equal("7", Assert.Single(items).Id);
    }

    private async Task<List<ListedItem>> ReadAsync()
    {
        var reader = new CollectionReader(_client);
        var request = new CollectionRequest("compute", "/servers/detail", "servers", 2)
        {
            Query = [new("all_tenants", "1")],
            LinksKey = "servers_links",
        };
        return await reader.ReadAllAsync(request, CancellationToken.None).ToListAsync();
    }

    private static string Page(string[] ids, string? next, string host = "http://nova.test/compute/v2.1")
    {
        var servers = string.Join(",", ids.Select(id => $$"""{"id":"{{id}}","name":"vm-{{id}}"}"""));
        var links = next is null ? string.Empty : $$""", "servers_links": [{"rel": "next", "href": "{{host}}/servers/detail?all_tenants=1&limit=2&marker={{next}}"}]""";
        return $$"""{"servers": [{{servers}}]{{links}}}""";
    }
}
