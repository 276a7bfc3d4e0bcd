using Microsoft.Extensions.Configuration;

namespace Synchronizer.Service.Configuration;

/// <summary>One oslo-style INI file as a configuration source.</summary>
internal sealed class OsloIniConfigurationSource : IConfigurationSource
{
    public OsloIniConfigurationSource(string path) => Path = path;

    public string Path { get; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new OsloIniConfigurationProvider(this);
}
