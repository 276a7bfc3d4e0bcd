using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Synchronizer.Messaging;
using Synchronizer.Messaging.Listening;
using Synchronizer.Messaging.Rabbit;

namespace Synchronizer.Service.PushPath;

/// <summary>
/// Starts the push path's listener on OpenStack's bus when <c>[openstack_notifications] enabled = true</c>,
/// and stops it with the host. Disabled, it does nothing.
/// </summary>
internal sealed class PushPathHostedService : IHostedService, IAsyncDisposable
{
    private readonly IOptions<OpenStackNotificationsOptions> _options;
    private readonly IOptions<MessagingOptions> _messaging;
    private readonly IOpenStackNotificationHandler _handler;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<PushPathHostedService> _logger;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private volatile OpenStackNotificationConsumer? _consumer;
    private CancellationTokenSource? _stopping;
    private Task? _listening;

    public PushPathHostedService(
        IOptions<OpenStackNotificationsOptions> options,
        IOptions<MessagingOptions> messaging,
        IOpenStackNotificationHandler handler,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options;
        _messaging = messaging;
        _handler = handler;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<PushPathHostedService>();
    }

    /// <summary>Gets the listener's counters; <see langword="null"/> while the push path is not running.</summary>
    public ListenerStatistics? Statistics => _consumer?.Statistics;

    /// <summary>Reads the sources the options name, nova first, then cinder, then heat.</summary>
    /// <param name="options">The push path options.</param>
    /// <returns>The sources.</returns>
    /// <exception cref="InvalidOperationException">A list is malformed; the message names section and key.</exception>
    public static IReadOnlyList<NotificationSource> ReadSources(OpenStackNotificationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return
            [
                .. NotificationSource.ParseList("nova", options.Nova ?? string.Empty, "nova"),
                .. NotificationSource.ParseList("cinder", options.Cinder ?? string.Empty, "cinder"),
                .. NotificationSource.ParseList("heat", options.Heat ?? string.Empty, "heat"),
            ];
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }
    }

    /// <exception cref="InvalidOperationException"><c>[openstack_notifications]</c> or the transport URL it uses is invalid; the message names section and key.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = _options.Value;
        if (!options.Enabled)
        {
            PushPathLog.Disabled(_logger);
            return;
        }

        var sources = ReadSources(options);
        if (string.IsNullOrWhiteSpace(options.Pool))
        {
            throw new InvalidOperationException($"[{OpenStackNotificationsOptions.SectionName}] pool is empty; set a queue prefix, for example pool = synchronizer.");
        }

        var url = ReadTransportUrl(options.TransportUrl, _messaging.Value.TransportUrl);
        if (sources.Count == 0)
        {
            PushPathLog.NoSources(_logger);
            return;
        }

        // OpenStack's bus may be down when we start (or come up after us): after a first attempt
        // made here, so that a reachable bus is listened to before start-up completes, the listener
        // keeps trying in the background like the RPC server instead of failing the whole service.
        _stopping = new CancellationTokenSource();
        if (!await TryListenAsync(sources, options, url, FirstRetryDelay, cancellationToken))
        {
            _listening = RetryAsync(sources, options, url, _stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is { } stopping)
        {
            _stopping = null;
            await stopping.CancelAsync();
            await (_listening ?? Task.CompletedTask);
            stopping.Dispose();
        }

        if (_consumer is { } consumer)
        {
            _consumer = null;
            await consumer.DisposeAsync();
            PushPathLog.Stopped(_logger);
        }
    }

    private async Task RetryAsync(IReadOnlyList<NotificationSource> sources, OpenStackNotificationsOptions options, TransportUrl url, CancellationToken stoppingToken)
    {
        var delay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
            if (await TryListenAsync(sources, options, url, delay, stoppingToken))
            {
                return;
            }
        }
    }

    /// <returns>Whether the listener runs; a failure is logged with <paramref name="nextDelay"/>.</returns>
    private async Task<bool> TryListenAsync(
        IReadOnlyList<NotificationSource> sources, OpenStackNotificationsOptions options, TransportUrl url, TimeSpan nextDelay, CancellationToken cancellationToken)
    {
        var consumer = new OpenStackNotificationConsumer(
            sources, _handler, options, _messaging.Value.AmqpDurableQueues, _time, _loggers.CreateLogger<OpenStackNotificationConsumer>());
        try
        {
            await consumer.StartAsync(url, $"synchronizer-push:{_messaging.Value.Host}", cancellationToken);
            _consumer = consumer;
            PushPathLog.Started(_logger, sources.Count, url, options.Pool);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await consumer.DisposeAsync();
            return false;
        }
        catch (Exception ex)
        {
            await consumer.DisposeAsync();
            var delayMs = (long)nextDelay.TotalMilliseconds;
            PushPathLog.ListenFailed(_logger, url, ex.Message, delayMs);
            return false;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync(CancellationToken.None));

    private static TransportUrl ReadTransportUrl(string? own, string fallback)
    {
        var (key, value) = string.IsNullOrWhiteSpace(own)
            ? ($"[{MessagingOptions.SectionName}] transport_url", fallback)
            : ($"[{OpenStackNotificationsOptions.SectionName}] transport_url", own);
        try
        {
            return TransportUrl.Parse(value);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"{key}: {ex.Message}", ex);
        }
    }
}
