using Synchronizer.Messaging.Rabbit;

namespace Synchronizer.Service.Configuration.Validation;

/// <summary>Checks a transport URL with the parser the bus connects with; the problem shows the URL without its passwords.</summary>
internal static class TransportUrlCheck
{
    public const string Example = "rabbit://user:password@127.0.0.1:5672/";

    /// <summary>Checks one transport URL.</summary>
    /// <param name="section">The section that sets it.</param>
    /// <param name="key">The key that sets it.</param>
    /// <param name="url">The URL as configured.</param>
    /// <returns>The problem, or <see langword="null"/> when the URL parses.</returns>
    public static ConfigurationProblem? Check(string section, string key, string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return new ConfigurationProblem(section, key, "is empty", $"write the broker's URL, for example {Example}");
        }

        try
        {
            TransportUrl.Parse(url);
            return null;
        }
        catch (FormatException ex)
        {
            // The parser's messages never contain a password; the URL is shown redacted all the same.
            var reason = ex.Message.TrimEnd('.');
            return new ConfigurationProblem(
                section,
                key,
                $"'{TransportUrl.Redact(url)}' is not a RabbitMQ transport URL ({char.ToLowerInvariant(reason[0])}{reason[1..]})",
                $"write for example {Example}, with several brokers separated by commas and rabbit+tls:// for TLS");
        }
    }
}
