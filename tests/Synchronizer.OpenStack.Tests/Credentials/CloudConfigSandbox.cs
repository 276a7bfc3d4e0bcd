using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Synchronizer.OpenStack.Credentials;
using Synchronizer.OpenStack.Identity;

namespace Synchronizer.OpenStack.Tests.Credentials;

/// <summary>
/// A throw-away working folder, home folder and site folder (<c>/etc/openstack</c>) plus environment
/// variables, seen by the code under test instead of the process's own.
/// </summary>
internal sealed class CloudConfigSandbox : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("synchronizer-clouds-").FullName;

    public CloudConfigSandbox()
    {
        Directory.CreateDirectory(CurrentDirectory);
        Directory.CreateDirectory(Path.Combine(HomeDirectory, ".config", "openstack"));
        Directory.CreateDirectory(SystemDirectory);
    }

    public Dictionary<string, string> Variables { get; } = [];

    public string CurrentDirectory => Path.Combine(_root, "work");

    public string HomeDirectory => Path.Combine(_root, "home");

    public string UserDirectory => Path.Combine(HomeDirectory, ".config", "openstack");

    public string SystemDirectory => Path.Combine(_root, "etc", "openstack");

    public ClientConfigEnvironment Environment => new(name => Variables.GetValueOrDefault(name), CurrentDirectory, HomeDirectory, SystemDirectory);

    public static string Write(string directory, string fileName, string text)
    {
        var path = Path.Combine(directory, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Builds the options as the service would: <c>AddOpenStack</c> over an INI-like section.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public ServiceCredentialsOptions Options(Dictionary<string, string?>? section = null, Action<ServiceCredentialsOptions>? code = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection((section ?? []).ToDictionary(p => $"{ServiceCredentialsOptions.SectionName}:{p.Key}", p => p.Value))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(Environment);
        services.AddOpenStack(configuration.GetSection(ServiceCredentialsOptions.SectionName), code ?? (_ => { }));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ServiceCredentialsOptions>>().Value;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
