using System.Net;
using System.Text.Json;

namespace Synchronizer.FunctionalTests.RealCloud.Rest;

/// <summary>Heat's stacks, as the tests drive and read them. A stack is one OS::Heat::RandomString, which needs no other service.</summary>
internal sealed class HeatApi
{
    private const string Orchestration = "orchestration";

    private static readonly object Template = new Dictionary<string, object>
    {
        ["heat_template_version"] = "2018-08-31",
        ["parameters"] = new { length = new { type = "number", @default = 8 } },
        ["resources"] = new { random = new { type = "OS::Heat::RandomString", properties = new { length = new { get_param = "length" } } } },
        ["outputs"] = new { value = new { value = new { get_attr = new[] { "random", "value" } } } },
    };

    private readonly CloudSession _session;

    public HeatApi(CloudSession session) => _session = session;

    /// <summary>Creates a stack whose random string has <paramref name="length"/> characters; returns its id.</summary>
    public async Task<string> CreateStackAsync(string name, int length, CancellationToken cancellationToken = default)
    {
        var body = new { stack_name = name, template = Template, parameters = new { length }, timeout_mins = 5 };
        var response = await _session.SendAsync(Orchestration, HttpMethod.Post, "/stacks", body, null, cancellationToken);
        return response.Expect(HttpStatusCode.Created).Json.GetProperty("stack").GetProperty("id").GetString()!;
    }

    /// <summary>Updates the stack to a new length, which replaces its random string.</summary>
    public async Task UpdateStackAsync(string name, string id, int length, CancellationToken cancellationToken = default) =>
        (await _session.SendAsync(Orchestration, HttpMethod.Put, $"/stacks/{name}/{id}", new { template = Template, parameters = new { length } }, null, cancellationToken))
            .Expect(HttpStatusCode.Accepted);

    /// <summary>Deletes a stack; one that is already gone is fine (clean-up calls it again).</summary>
    public async Task DeleteStackAsync(string name, string id, CancellationToken cancellationToken = default) =>
        (await _session.SendAsync(Orchestration, HttpMethod.Delete, $"/stacks/{name}/{id}", null, null, cancellationToken))
            .Expect(HttpStatusCode.NoContent, HttpStatusCode.NotFound);

    /// <summary>The stack as the session's project list shows it, or null once the list leaves it out (deleted).</summary>
    public async Task<JsonElement?> GetStackAsync(string id, CancellationToken cancellationToken = default)
    {
        var body = (await _session.SendAsync(Orchestration, HttpMethod.Get, $"/stacks?id={id}", null, null, cancellationToken)).Expect().Json;
        return body.GetProperty("stacks").EnumerateArray().Select(s => (JsonElement?)s).FirstOrDefault();
    }

    public Task<JsonElement?> WaitForStackAsync(string id, Func<JsonElement?, bool> done, TimeSpan timeout, string what) =>
        Eventually.UntilAsync(() => GetStackAsync(id), done, timeout, $"stack {id} {what}");

    /// <summary>Every stack of every project (admin, with REALSTACK's policy for stacks:global_index).</summary>
    public Task<IReadOnlyList<JsonElement>> ListStacksAsync(CancellationToken cancellationToken = default) =>
        PagedList.ReadAsync(_session, Orchestration, "/stacks?global_tenant=true", "stacks", "links", null, cancellationToken);

    public static string Status(JsonElement? stack) => stack?.GetProperty("stack_status").GetString() ?? "(gone)";
}
