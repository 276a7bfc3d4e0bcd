using System.Globalization;
using Microsoft.Extensions.Options;

namespace Synchronizer.Messaging.Rpc;

/// <summary>Checks the RPC options at start-up, so a bad value stops the service before it serves.</summary>
internal sealed class RpcServerOptionsValidator : IValidateOptions<RpcServerOptions>
{
    // AMQP queue names are at most 255 bytes; "<topic>_fanout_<32 hex digits>" is the longest we build.
    private const int MaxTopicBytes = 255 - 40;

    public ValidateOptionsResult Validate(string? name, RpcServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Topic) || options.Topic.Trim() != options.Topic)
        {
            failures.Add($"[DEFAULT] rpc_topic = '{options.Topic}' must be a non-empty name without spaces around it: write for example {RpcServerDefaults.Topic} (the default).");
        }
        else if (System.Text.Encoding.UTF8.GetByteCount(options.Topic) > MaxTopicBytes)
        {
            failures.Add($"[DEFAULT] rpc_topic is longer than {MaxTopicBytes} bytes: AMQP queue names built from it would not fit.");
        }

        if (options.Workers is < 1 or > ushort.MaxValue)
        {
            failures.Add($"[DEFAULT] rpc_workers = {Format(options.Workers)} must be from 1 to 65535: write for example {Format(RpcServerDefaults.Workers)} (the default).");
        }

        if (options.MaxRequestBytes < 1024)
        {
            failures.Add($"[DEFAULT] rpc_max_request_bytes = {Format(options.MaxRequestBytes)} must be at least 1024: write for example {Format(RpcServerDefaults.MaxRequestBytes)} (the default).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
