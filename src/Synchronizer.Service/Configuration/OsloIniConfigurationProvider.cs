using Microsoft.Extensions.Configuration;

namespace Synchronizer.Service.Configuration;

/// <summary>Loads an oslo-style INI file; a missing or malformed file stops start-up with a message naming it.</summary>
internal sealed class OsloIniConfigurationProvider : ConfigurationProvider
{
    private readonly OsloIniConfigurationSource _source;

    public OsloIniConfigurationProvider(OsloIniConfigurationSource source) => _source = source;

    public override void Load()
    {
        if (!File.Exists(_source.Path))
        {
            throw new ConfigurationFileException($"Configuration file {_source.Path} does not exist: check --config-file.");
        }

        try
        {
            using var reader = new StreamReader(_source.Path);
            Data = OsloIniParser.Parse(reader, _source.Path);
        }
        catch (FormatException ex)
        {
            throw new ConfigurationFileException(ex.Message, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationFileException($"Configuration file {_source.Path} cannot be read: {ex.Message}", ex);
        }
    }
}
