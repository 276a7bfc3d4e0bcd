using System.Net;
using System.Text;
using System.Text.Json;

namespace Synchronizer.FunctionalTests.RealCloud.Rest;

/// <summary>What a service answered to one request.</summary>
internal sealed class CloudResponse
{
    private readonly byte[] _body;

    public CloudResponse(HttpStatusCode status, string request, byte[] body)
    {
        Status = status;
        Request = request;
        _body = body;
    }

    public HttpStatusCode Status { get; }

    /// <summary>Gets the method, service and path, for messages.</summary>
    public string Request { get; }

    /// <summary>Gets the JSON body; fails when the body is empty or not JSON.</summary>
    public JsonElement Json => JsonDocument.Parse(_body).RootElement.Clone();

    /// <summary>Throws unless the status is one of <paramref name="expected"/> (any 2xx when none are given).</summary>
    public CloudResponse Expect(params HttpStatusCode[] expected)
    {
        var ok = expected.Length == 0 ? (int)Status is >= 200 and < 300 : expected.Contains(Status);
        return ok ? this : throw new InvalidOperationException($"{Request} answered {(int)Status}: {Encoding.UTF8.GetString(_body)}");
    }
}
