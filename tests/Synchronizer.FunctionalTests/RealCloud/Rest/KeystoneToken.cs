using System.Text;
using System.Text.Json;

namespace Synchronizer.FunctionalTests.RealCloud.Rest;

/// <summary>A project-scoped Keystone v3 token with the catalog it came with.</summary>
internal sealed class KeystoneToken
{
    private readonly JsonElement _catalog;

    private KeystoneToken(string value, DateTimeOffset expiresAt, string projectId, JsonElement catalog)
    {
        Value = value;
        ExpiresAt = expiresAt;
        ProjectId = projectId;
        _catalog = catalog;
    }

    public string Value { get; }

    public DateTimeOffset ExpiresAt { get; }

    public string ProjectId { get; }

    /// <summary>Issues a token with a password, scoped to the credentials' project (POST /v3/auth/tokens).</summary>
    public static async Task<KeystoneToken> IssueAsync(HttpClient http, RealCloudEnvironment cloud, CloudCredentials credentials, CancellationToken cancellationToken)
    {
        var body = new
        {
            auth = new
            {
                identity = new
                {
                    methods = new[] { "password" },
                    password = new { user = new { name = credentials.Username, domain = new { name = cloud.UserDomainName }, password = credentials.Password } },
                },
                scope = new { project = new { name = credentials.ProjectName, domain = new { name = cloud.ProjectDomainName } } },
            },
        };
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(cloud.AuthUrl.TrimEnd('/') + "/auth/tokens"), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || !response.Headers.TryGetValues("X-Subject-Token", out var values))
        {
            throw new InvalidOperationException($"Keystone refused a token for {credentials}: {(int)response.StatusCode} {text}");
        }

        var token = JsonDocument.Parse(text).RootElement.GetProperty("token");
        return new KeystoneToken(
            values.First(),
            token.GetProperty("expires_at").GetDateTimeOffset(),
            token.GetProperty("project").GetProperty("id").GetString()!,
            token.GetProperty("catalog").Clone());
    }

    /// <summary>The endpoint URL of a service type, without a trailing slash.</summary>
    public string Endpoint(string serviceType, string endpointInterface, string region)
    {
        foreach (var service in _catalog.EnumerateArray().Where(s => s.GetProperty("type").GetString() == serviceType))
        {
            foreach (var endpoint in service.GetProperty("endpoints").EnumerateArray())
            {
                if (endpoint.GetProperty("interface").GetString() == endpointInterface && endpoint.GetProperty("region_id").GetString() == region)
                {
                    return endpoint.GetProperty("url").GetString()!.TrimEnd('/');
                }
            }
        }

        throw new InvalidOperationException($"The catalog has no {serviceType} endpoint for interface {endpointInterface} in region {region}.");
    }
}
