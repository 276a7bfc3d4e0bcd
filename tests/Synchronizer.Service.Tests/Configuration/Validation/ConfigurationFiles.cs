using Synchronizer.Service.Configuration;
using Synchronizer.Service.Configuration.Validation;

namespace Synchronizer.Service.Tests.Configuration.Validation;

/// <summary>Configuration files in a throw-away folder, read as <c>--config-file</c> arguments and validated.</summary>
internal sealed class ConfigurationFiles : IDisposable
{
    /// <summary>The least a deployment must set: the bus, and Keystone password credentials.</summary>
    public const string Valid = """
        [DEFAULT]
        transport_url = rabbit://guest:guest@127.0.0.1:5672/
        [service_credentials]
        auth_url = http://127.0.0.1:5000/v3
        username = admin
        password = hunter2-password
        project_name = admin
        """;

    private readonly List<string> _written = [];

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("synchronizer-check-").FullName;

    /// <summary>Writes the texts as files, later ones overriding earlier ones as later --config-file arguments do.</summary>
    public string[] Write(params string[] texts)
    {
        var paths = texts.Select(text =>
        {
            var path = Path.Combine(Directory, $"{_written.Count:D2}.conf");
            File.WriteAllText(path, text + "\n");
            _written.Add(path);
            return path;
        }).ToArray();
        return paths;
    }

    /// <summary>Validates the texts, each a configuration file, as check-config does.</summary>
    public ConfigurationReport Validate(params string[] texts) =>
        ConfigurationValidator.Validate(SynchronizerConfigurationBuilder.Build(Write(texts), []));

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
