using System.Buffers;
using System.Text.Json;
using Synchronizer.Client.Rpc;

namespace Synchronizer.Client.Tests.Rpc;

public class SynchronizerRpcClientTests
{
    private readonly RecordingCaller _caller = new();

    [Fact]
    public async Task GetAllAsync_WritesContractArgumentsAndReadsThePage()
    {
        _caller.Result = """
            {"entity_type": "nova.instance", "revision": 7, "next_marker": "b",
             "entities": [{"id": "a", "revision": 3, "hash": "xxh3-64:0000000000000001", "entity": {"id": "a"}},
                          {"id": "b", "revision": 7, "hash": "xxh3-64:0000000000000002", "entity": {"id": "b", "name": "x"}}]}
            """;

        var page = await CreateSut().GetAllAsync("nova.instance", marker: "0", limit: 2, projectId: "p1");

        Assert.Equal("get_all", _caller.Method);
        Assert.Equal("""{"entity_type":"nova.instance","limit":2,"marker":"0","project_id":"p1"}""", _caller.Arguments);
        Assert.Equal(7, page.Revision);
        Assert.Equal("b", page.NextMarker);
        Assert.Equal(["a", "b"], page.Entities.Select(e => e.Id));
        Assert.Equal("x", page.Entities[1].Entity.GetProperty("name").GetString());
    }

    [Fact]
    public async Task GetAllAsync_FirstPage_SendsNoMarker()
    {
        _caller.Result = """{"entity_type": "nova.instance", "revision": 0, "entities": [], "next_marker": null}""";

        var page = await CreateSut().GetAllAsync("nova.instance");

        Assert.Equal("""{"entity_type":"nova.instance","limit":1000}""", _caller.Arguments);
        Assert.Null(page.NextMarker);
    }

    [Fact]
    public async Task GetChangesAsync_ReadsNotificationPayloads()
    {
        _caller.Result = """
            {"entity_type": "nova.instance", "revision": 9, "changes": [
              {"entity_type": "nova.instance", "id": "a", "action": "update", "revision": 8, "hash": "xxh3-64:0000000000000003",
               "sampled_at": "2026-11-22T10:15:30.123456Z", "source": "poll", "changed_fields": ["name"], "entity": {"id": "a"}},
              {"entity_type": "nova.instance", "id": "b", "action": "delete", "revision": 9, "hash": "xxh3-64:0000000000000002",
               "sampled_at": "2026-11-22T10:15:31.000000Z", "source": "notification", "changed_fields": [], "entity": {"id": "b"}}]}
            """;

        var page = await CreateSut().GetChangesAsync("nova.instance", 7, 100);

        Assert.Equal("""{"entity_type":"nova.instance","since_revision":7,"limit":100}""", _caller.Arguments);
        Assert.Equal([ChangeAction.Update, ChangeAction.Delete], page.Changes.Select(c => c.Action));
        Assert.Equal(["name"], page.Changes[0].ChangedFields);
        Assert.Equal("notification", page.Changes[1].Source);
    }

    [Fact]
    public async Task ReconcileAsync_SendsTheInventoryAndReadsUpsertsAndDeletes()
    {
        _caller.Result = """
            {"entity_type": "nova.instance", "revision": 12,
             "upserts": [{"id": "a", "revision": 11, "hash": "xxh3-64:0000000000000009", "entity": {"id": "a"}}], "deletes": ["z"]}
            """;

        var result = await CreateSut().ReconcileAsync("nova.instance", new Dictionary<string, string> { ["a"] = "xxh3-64:0000000000000001", ["z"] = "xxh3-64:0000000000000002" });

        Assert.Equal("""{"entity_type":"nova.instance","inventory":{"a":"xxh3-64:0000000000000001","z":"xxh3-64:0000000000000002"}}""", _caller.Arguments);
        Assert.Equal(12, result.Revision);
        Assert.Equal("a", Assert.Single(result.Upserts).Id);
        Assert.Equal(["z"], result.Deletes);
    }

    [Fact]
    public async Task ListTypesAsync_ReadsEveryType()
    {
        _caller.Result = """
            {"types": [{"entity_type": "nova.instance", "revision": 5, "count": 3, "last_poll_at": "2026-11-22T10:15:30Z", "last_poll_status": "ok", "last_error": null},
                       {"entity_type": "cinder.volume", "revision": 0, "count": 0, "last_poll_at": null, "last_poll_status": null, "last_error": null}]}
            """;

        var types = await CreateSut().ListTypesAsync();

        Assert.Equal("""{}""", _caller.Arguments);
        Assert.Equal(["nova.instance", "cinder.volume"], types.Select(t => t.EntityType));
        Assert.Equal("ok", types[0].LastPollStatus);
        Assert.Null(types[1].LastPollAt);
    }

    [Fact]
    public async Task SyncAsync_AllTypesWithoutWaiting_SendsOnlyWait()
    {
        _caller.Result = """{"results": [{"entity_type": "nova.instance", "status": "queued", "error": null}]}""";

        var results = await CreateSut().SyncAsync(wait: false);

        Assert.Equal("""{"wait":false}""", _caller.Arguments);
        Assert.Equal("queued", Assert.Single(results).Status);
    }

    [Theory]
    [InlineData("""{"entity_type": "nova.instance", "entities": [], "next_marker": null}""", "'revision'")]
    [InlineData("""{"entity_type": "nova.instance", "revision": 1, "entities": {}, "next_marker": null}""", "'entities'")]
    [InlineData("""{"entity_type": "nova.instance", "revision": 1, "entities": [{"id": 1}], "next_marker": null}""", "'id'")]
    [InlineData("""[]""", "'entity_type'")]
    public async Task GetAllAsync_AnswerOffContract_ThrowsInvalidDataNamingTheField(string result, string field)
    {
        _caller.Result = result;

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => CreateSut().GetAllAsync("nova.instance"));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    private SynchronizerRpcClient CreateSut() => new(_caller);

    private sealed class RecordingCaller : IRpcCaller
    {
        public string Result { get; set; } = "{}";

        public string? Method { get; private set; }

        public string? Arguments { get; private set; }

        public Task<JsonElement> CallAsync(string method, Action<Utf8JsonWriter> writeArguments, CancellationToken cancellationToken)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                writeArguments(json);
                json.WriteEndObject();
            }

            Method = method;
            Arguments = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
            using var result = JsonDocument.Parse(Result);
            return Task.FromResult(result.RootElement.Clone());
        }
    }
}
