using Microsoft.Extensions.Configuration;
using Synchronizer.Client;
using Synchronizer.Messaging;
using Synchronizer.Messaging.Rabbit;
using Synchronizer.Messaging.Rpc;
using Synchronizer.Service.Configuration;

namespace Synchronizer.Service.Commands.Client;

/// <summary>How a client command reaches the service, read from the same configuration as <c>synchronizer serve</c>.</summary>
/// <param name="Options">The client library's options: transport URL, control exchange, RPC topic, topic prefix, timeouts.</param>
/// <param name="TransportUrl">The parsed transport URL; its <see cref="TransportUrl.ToString"/> hides the password.</param>
/// <param name="Configuration">The whole configuration, for what a command shows of it (the poll intervals).</param>
internal sealed record ClientSettings(SynchronizerClientOptions Options, TransportUrl TransportUrl, IConfiguration Configuration)
{
    /// <summary>The name the commands give their connection and queues, for operators reading the broker.</summary>
    public const string ClientName = "synchronizer-cli";

    /// <summary>
    /// While a call runs the service sends a keep-alive every half of this; without one for this long the
    /// service is taken as gone, however long the command's <c>--timeout</c>.
    /// </summary>
    public static readonly TimeSpan CallMonitorTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Reads <c>[DEFAULT]</c> transport_url, control_exchange, rpc_topic, notification_topic_prefix and amqp_durable_queues.</summary>
    /// <param name="configuration">The configuration of <c>--config-file</c>/<c>--config-dir</c> and the environment.</param>
    /// <param name="timeout">How long one call may take.</param>
    /// <exception cref="ConfigurationFileException">A value is malformed; the message names section and key, never the password.</exception>
    public static ClientSettings Read(IConfiguration configuration, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        MessagingOptions messaging;
        RpcServerOptions rpc;
        try
        {
            messaging = configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
            rpc = configuration.GetSection(RpcServerOptions.SectionName).Get<RpcServerOptions>() ?? new RpcServerOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationFileException($"[{MessagingOptions.SectionName}] {ex.Message}", ex);
        }

        TransportUrl url;
        try
        {
            url = TransportUrl.Parse(messaging.TransportUrl);
        }
        catch (FormatException ex)
        {
            throw new ConfigurationFileException($"[{MessagingOptions.SectionName}] transport_url: {ex.Message}", ex);
        }

        return new ClientSettings(
            new SynchronizerClientOptions
            {
                TransportUrl = messaging.TransportUrl,
                ControlExchange = messaging.ControlExchange,
                RpcTopic = rpc.Topic,
                NotificationTopicPrefix = messaging.NotificationTopicPrefix,
                AmqpDurableQueues = messaging.AmqpDurableQueues,
                RpcTimeout = timeout,
                CallMonitorTimeout = CallMonitorTimeout,
                ClientName = ClientName,
            },
            url,
            configuration);
    }

    /// <summary>Where the commands look, for messages: <c>rabbit://user:***@host:5672/ (exchange synchronizer, topic synchronizer)</c>.</summary>
    public string Where => $"{TransportUrl} (exchange {Options.ControlExchange}, topic {Options.RpcTopic})";

    /// <summary>Removes every password of the transport URL from a text that may quote it.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var host in TransportUrl.Hosts)
        {
            if (host.Password.Length > 0)
            {
                text = text.Replace(host.Password, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
