using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Synchronizer.Messaging.Rpc;

namespace Synchronizer.Service.Rpc;

/// <summary>Registers the oslo RPC server with the contract's methods.</summary>
internal static class RpcServiceRegistration
{
    public static IServiceCollection AddSynchronizerRpc(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<PinnedSnapshots>();
        return services.AddOsloRpcServer<SynchronizerRpcDispatcher>(configuration.GetSection(RpcServerOptions.SectionName));
    }
}
