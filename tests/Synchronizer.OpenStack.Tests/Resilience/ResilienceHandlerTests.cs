using System.Globalization;
using System.Net;
using Polly.Timeout;
using Synchronizer.OpenStack.Identity;

namespace Synchronizer.OpenStack.Tests.Resilience;

public class ResilienceHandlerTests
{
    private static readonly Uri Servers = new("http://nova.test/compute/v2.1/servers/detail");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private readonly List<DateTimeOffset> _sentAt = [];

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task SendAsync_TransientStatusThenOk_RetriesUntilItSucceeds(HttpStatusCode transient)
    {
        var answers = new Queue<HttpStatusCode>([transient, transient, HttpStatusCode.OK]);
        var stub = Stub(_ => StubHttpHandler.Json(answers.Dequeue(), "{}"));

        using var response = await SendAsync(stub);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, _sentAt.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.NotAcceptable)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.NotImplemented)]
    [InlineData(HttpStatusCode.HttpVersionNotSupported)]
    public async Task SendAsync_PermanentStatus_IsNeverRetried(HttpStatusCode permanent)
    {
        var stub = Stub(_ => StubHttpHandler.Json(permanent, "{}"));

        using var response = await SendAsync(stub);

        Assert.Equal(permanent, response.StatusCode);
        Assert.Single(_sentAt);
    }

    [Fact]
    public async Task SendAsync_NoRetryAfter_BacksOffExponentiallyUpToTheMaximum()
    {
        var stub = Stub(_ => StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, "{}"));
        var options = new ServiceCredentialsOptions { MaxRetries = 5, RetryBaseDelaySeconds = 1, RetryMaxDelaySeconds = 8, TotalTimeoutSeconds = 600 };

        using var response = await SendAsync(stub, options);

        var waits = _sentAt.Zip(_sentAt.Skip(1), (a, b) => b - a).ToArray();
        Assert.Equal(5, waits.Length);
        Assert.True(waits[0] < waits[1] && waits[1] < waits[2], string.Join(", ", waits));
        Assert.All(waits, w => Assert.InRange(w, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(8)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task SendAsync_RetryAfterSeconds_WaitsExactlyThatLong()
    {
        var answers = new Queue<HttpResponseMessage>([StubHttpHandler.Json(HttpStatusCode.TooManyRequests, "{}", ("Retry-After", "7")), StubHttpHandler.Json(HttpStatusCode.OK, "{}")]);
        var stub = Stub(_ => answers.Dequeue());

        using var response = await SendAsync(stub);

        Assert.Equal(TimeSpan.FromSeconds(7), _sentAt[1] - _sentAt[0]);
    }

    [Fact]
    public async Task SendAsync_RetryAfterHttpDate_WaitsUntilThatDate()
    {
        var until = _time.GetUtcNow().AddSeconds(20).ToString("r", CultureInfo.InvariantCulture);
        var answers = new Queue<HttpResponseMessage>([StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, "{}", ("Retry-After", until)), StubHttpHandler.Json(HttpStatusCode.OK, "{}")]);
        var stub = Stub(_ => answers.Dequeue());

        using var response = await SendAsync(stub);

        Assert.Equal(TimeSpan.FromSeconds(20), _sentAt[1] - _sentAt[0]);
    }

    [Fact]
    public async Task SendAsync_RetryAfterBeyondTheCap_WaitsOnlyTheCap()
    {
        var answers = new Queue<HttpResponseMessage>([StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, "{}", ("Retry-After", "3600")), StubHttpHandler.Json(HttpStatusCode.OK, "{}")]);
        var stub = Stub(_ => answers.Dequeue());

        using var response = await SendAsync(stub, new ServiceCredentialsOptions { RetryAfterMaxSeconds = 45 });

        Assert.Equal(TimeSpan.FromSeconds(45), _sentAt[1] - _sentAt[0]);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefusedOnce_Retries()
    {
        var calls = 0;
        var stub = Stub(_ => ++calls == 1 ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (nova.test:80)") : StubHttpHandler.Json(HttpStatusCode.OK, "{}"));

        using var response = await SendAsync(stub);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _sentAt.Count);
    }

    [Fact]
    public async Task SendAsync_TlsFailure_IsNotRetried()
    {
        var stub = Stub(_ => throw new HttpRequestException(HttpRequestError.SecureConnectionError, "The remote certificate is invalid"));

        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(stub));

        Assert.Single(_sentAt);
    }

    [Fact]
    public async Task SendAsync_BodyBreaksWhileRead_RetriesTheAttempt()
    {
        var calls = 0;
        var stub = Stub(_ => ++calls == 1
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new BrokenContent() }
            : StubHttpHandler.Json(HttpStatusCode.OK, """{"servers":[]}"""));

        using var response = await SendAsync(stub);

        Assert.Equal("""{"servers":[]}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, _sentAt.Count);
    }

    [Fact]
    public async Task SendAsync_FirstAttemptHangs_TimesOutAndRetries()
    {
        var calls = 0;
        var stub = Stub((_, ct) => ++calls == 1 ? StubHttpHandler.NeverAnswerAsync(ct) : Task.FromResult(StubHttpHandler.Json(HttpStatusCode.OK, "{}")));

        using var response = await SendAsync(stub, new ServiceCredentialsOptions { RequestTimeoutSeconds = 30 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_sentAt[1] - _sentAt[0] >= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task SendAsync_EveryAttemptHangs_GivesUpAfterTheRetries()
    {
        var stub = Stub((_, ct) => StubHttpHandler.NeverAnswerAsync(ct));

        var error = await Assert.ThrowsAsync<TimeoutRejectedException>(() => SendAsync(stub, new ServiceCredentialsOptions { RequestTimeoutSeconds = 10, MaxRetries = 2 }));

        Assert.Equal(TimeSpan.FromSeconds(10), error.Timeout);
        Assert.Equal(3, _sentAt.Count);
    }

    [Fact]
    public async Task SendAsync_RetriesOutlastTheBudget_StopsAtTotalTimeout()
    {
        var started = _time.GetUtcNow();
        var stub = Stub(_ => StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, "{}", ("Retry-After", "10")));
        var options = new ServiceCredentialsOptions { RequestTimeoutSeconds = 5, TotalTimeoutSeconds = 25, MaxRetries = 10 };

        var error = await Assert.ThrowsAsync<TimeoutRejectedException>(() => SendAsync(stub, options));

        Assert.Equal(TimeSpan.FromSeconds(25), error.Timeout);
        Assert.Equal(3, _sentAt.Count);
        Assert.Equal(started.AddSeconds(25), _time.GetUtcNow());
    }

    [Fact]
    public async Task SendAsync_MaxRetriesZero_SendsOnce()
    {
        var stub = Stub(_ => StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, "{}"));

        using var response = await SendAsync(stub, new ServiceCredentialsOptions { MaxRetries = 0 });

        Assert.Single(_sentAt);
    }

    [Fact]
    public async Task SendAsync_CallerCancelsDuringBackoff_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        var stub = Stub(_ => StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, "{}"));
        using var client = new ResilientHttp(stub, _time).CreateClient("x");

        var sending = client.GetAsync(Servers, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Single(_sentAt);
    }

    [Fact]
    public async Task SendAsync_PostRetried_SendsTheSameBodyAgain()
    {
        var bodies = new List<string>();
        var stub = Stub(async (request, ct) =>
        {
            bodies.Add(await request.Content!.ReadAsStringAsync(ct));
            return StubHttpHandler.Json(bodies.Count == 1 ? HttpStatusCode.BadGateway : HttpStatusCode.Created, "{}");
        });
        using var client = new ResilientHttp(stub, _time).CreateClient("x");

        using var response = await _time.RunAsync(() => client.PostAsync(new Uri("http://keystone.test/v3/auth/tokens"), new ByteArrayContent("{\"auth\":{}}"u8.ToArray())));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["{\"auth\":{}}", "{\"auth\":{}}"], bodies);
    }

    private StubHttpHandler Stub(Func<HttpRequestMessage, HttpResponseMessage> respond) => Stub((request, _) => Task.FromResult(respond(request)));

    private StubHttpHandler Stub(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) => new((request, ct) =>
    {
        _sentAt.Add(_time.GetUtcNow());
        return respond(request, ct);
    });

    private async Task<HttpResponseMessage> SendAsync(StubHttpHandler stub, ServiceCredentialsOptions? options = null)
    {
        using var client = new ResilientHttp(stub, _time, options).CreateClient("x");
        return await _time.RunAsync(() => client.GetAsync(Servers, CancellationToken.None));
    }

    private sealed class BrokenContent : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            Task.FromException(new IOException("Connection reset by peer while reading the body"));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
