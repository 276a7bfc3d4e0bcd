using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Synchronizer.Plugins.Abstractions;

/// <summary>
/// What <c>services.AddSynchronizer(configuration)</c> returns: plugins register themselves on it,
/// for example <c>.AddNova().AddCinder()</c>.
/// </summary>
public interface ISynchronizerBuilder
{
    /// <summary>Gets the service collection plugins register into.</summary>
    IServiceCollection Services { get; }

    /// <summary>Gets the whole configuration; a plugin reads its own section from it.</summary>
    IConfiguration Configuration { get; }
}
