namespace Synchronizer.Service.Configuration;

/// <summary>A configuration file is missing or malformed; the message names the file, line and fix.</summary>
internal sealed class ConfigurationFileException : Exception
{
    public ConfigurationFileException()
    {
    }

    public ConfigurationFileException(string message)
        : base(message)
    {
    }

    public ConfigurationFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
