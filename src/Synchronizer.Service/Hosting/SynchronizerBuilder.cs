using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Service.Hosting;

/// <summary>The builder <c>AddSynchronizer</c> returns; plugins register on it.</summary>
internal sealed class SynchronizerBuilder : ISynchronizerBuilder
{
    public SynchronizerBuilder(IServiceCollection services, IConfiguration configuration)
    {
        Services = services;
        Configuration = configuration;
    }

    public IServiceCollection Services { get; }

    public IConfiguration Configuration { get; }
}
