using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Synchronizer.OpenStack.Credentials;
using Synchronizer.OpenStack.Identity;

namespace Synchronizer.OpenStack.Tests;

public sealed class OpenStackServiceCollectionExtensionsTests : IDisposable
{
    private const string Password = "pw-N3ver-Logged";
    private const string CredentialSecret = "ac-S3cret-Never-Logged";
    private const string TokenPrefix = "gAAAAAB-t0ken-never-logged-";
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();
    private readonly List<ServiceProvider> _providers = [];
    private int _tokens;

    [Fact]
    public async Task AddOpenStack_ServiceFailsOnce_TheFactoryClientRetries()
    {
        var gets = 0;
        var client = Provider(Cloud(_ => ++gets == 1 ? StubHttpHandler.Json(HttpStatusCode.BadGateway, "{}") : StubHttpHandler.Json(HttpStatusCode.OK, """{"servers": []}""")))
            .GetRequiredService<IOpenStackClient>();

        var body = await _time.RunAsync(() => client.GetAsync(new OpenStackRequest("compute", "/servers/detail"), CancellationToken.None));

        Assert.Equal("""{"servers": []}""", System.Text.Encoding.UTF8.GetString(body));
        Assert.Equal(2, gets);
    }

    [Fact]
    public async Task AddOpenStack_KeystoneFailsOnce_TheTokenRequestIsRetried()
    {
        var posts = 0;
        var stub = new StubHttpHandler(request => request.Method == HttpMethod.Post
            ? ++posts == 1 ? StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, "{}") : Token()
            : StubHttpHandler.Json(HttpStatusCode.OK, "{}"));
        var tokens = Provider(stub).GetRequiredService<ITokenProvider>();

        var token = await _time.RunAsync(async () => await tokens.GetTokenAsync(CancellationToken.None));

        Assert.StartsWith(TokenPrefix, token.Value, StringComparison.Ordinal);
        Assert.Equal(2, posts);
    }

    [Fact]
    public void AddOpenStack_IncompleteCredentials_FailStartupValidationNamingTheKey()
    {
        var provider = Provider(Cloud(_ => StubHttpHandler.Json(HttpStatusCode.OK, "{}")), new() { ["auth_url"] = null });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("[service_credentials] auth_url is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddOpenStack_AnyOutcome_NoLogLineOrErrorShowsPasswordTokenOrSecret()
    {
        var errors = new List<Exception>();
        var gets = 0;
        var password = Provider(Cloud(request => ++gets switch
        {
            1 => StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, "{}", ("Retry-After", "1")),
            2 => StubHttpHandler.Json(HttpStatusCode.Unauthorized, "{}"),
            3 => StubHttpHandler.Json(HttpStatusCode.OK, """{"servers": []}"""),
            _ => throw new HttpRequestException("Connection refused (nova.test:80)"),
        })).GetRequiredService<IOpenStackClient>();
        var request = new OpenStackRequest("compute", "/servers/detail", ApiVersion.UpTo("compute", "2.79", "2.47"));
        await _time.RunAsync(() => password.GetAsync(request, CancellationToken.None));
        errors.Add(await Assert.ThrowsAsync<OpenStackException>(() => _time.RunAsync(() => password.GetAsync(request, CancellationToken.None))));

        var refused = Provider(new StubHttpHandler(_ => StubHttpHandler.Json(HttpStatusCode.Unauthorized, """{"error": {"code": 401, "message": "The request you have made requires authentication."}}""")), new()
        {
            ["auth_type"] = AuthTypes.ApplicationCredential,
            ["application_credential_id"] = "ac-id",
            ["application_credential_secret"] = CredentialSecret,
        }).GetRequiredService<IOpenStackClient>();
        errors.Add(await Assert.ThrowsAsync<OpenStackApiException>(() => _time.RunAsync(() => refused.GetAsync(request, CancellationToken.None))));

        var everything = string.Join("\n", _logs.Lines.Concat(errors.Select(e => e.ToString())));
        Assert.Contains("Keystone token issued", everything, StringComparison.Ordinal);
        Assert.Contains("retry 1 of 3", everything, StringComparison.Ordinal);
        Assert.Contains("X-Auth-Token", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(CredentialSecret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenPrefix, everything, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        _logs.Dispose();
    }

    private HttpResponseMessage Token() => FakeKeystone.TokenResponse(TokenPrefix + Interlocked.Increment(ref _tokens), _time.GetUtcNow().AddHours(1));

    private StubHttpHandler Cloud(Func<HttpRequestMessage, HttpResponseMessage> service) => new(request =>
        request.Method == HttpMethod.Post ? Token()
        : request.RequestUri == new Uri(FakeKeystone.ComputeUrl) ? StubHttpHandler.Json(HttpStatusCode.OK, Fixtures.Read("compute-version.json"))
        : service(request));

    private ServiceProvider Provider(StubHttpHandler stub, Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["auth_url"] = FakeKeystone.AuthUrl,
            ["username"] = "admin",
            ["password"] = Password,
            ["project_name"] = "admin",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(p => $"{ServiceCredentialsOptions.SectionName}:{p.Key}", p => p.Value))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(new ClientConfigEnvironment(_ => null, "/nonexistent", "/nonexistent", "/nonexistent"));
        services.AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddOpenStack(configuration.GetSection(ServiceCredentialsOptions.SectionName));
        services.AddHttpClient(OpenStackHttpClientNames.Identity).ConfigurePrimaryHttpMessageHandler(() => stub);
        services.AddHttpClient(OpenStackHttpClientNames.Services).ConfigurePrimaryHttpMessageHandler(() => stub);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }
}
