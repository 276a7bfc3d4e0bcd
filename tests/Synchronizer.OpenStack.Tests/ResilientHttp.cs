using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Synchronizer.OpenStack.Identity;
using Synchronizer.OpenStack.Resilience;

namespace Synchronizer.OpenStack.Tests;

/// <summary>Clients that send through the production resilience pipeline to a stub, on the manual clock.</summary>
internal sealed class ResilientHttp : IHttpClientFactory
{
    private readonly StubHttpHandler _stub;
    private readonly TimeProvider _time;
    private readonly ServiceCredentialsOptions _options;
    private readonly ILogger _logger;

    public ResilientHttp(StubHttpHandler stub, TimeProvider time, ServiceCredentialsOptions? options = null, ILoggerFactory? logs = null)
    {
        _stub = stub;
        _time = time;
        _options = options ?? new ServiceCredentialsOptions();
        _logger = (logs ?? NullLoggerFactory.Instance).CreateLogger<ResilienceHandler>();
    }

    public HttpClient CreateClient(string name)
    {
        // A fixed randomizer makes the jittered backoff repeatable.
        var pipeline = OpenStackResiliencePipeline.Build(_options, _time, _logger, randomizer: () => 0.5);
        return new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = _stub }, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
