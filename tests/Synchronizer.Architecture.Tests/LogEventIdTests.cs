using System.Reflection;
using Microsoft.Extensions.Logging;
using Synchronizer.Client;
using Synchronizer.Core.Polling;
using Synchronizer.Messaging;
using Synchronizer.OpenStack;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Architecture.Tests;

/// <summary>
/// Operators filter and alert on event ids (docs/deployment.md lists the ranges), so one id must
/// mean one message in everything that runs inside the <c>synchronizer</c> process.
/// </summary>
public class LogEventIdTests
{
    private static readonly Assembly[] InProcess =
    [
        typeof(IEntityPoller).Assembly,
        typeof(IOpenStackClient).Assembly,
        typeof(TypeSynchronizer).Assembly,
        typeof(MessagingOptions).Assembly,
        typeof(SynchronizerClient).Assembly,
        Assembly.Load("synchronizer"),
        .. PluginAssemblies.All,
    ];

    [Fact]
    public void EventIds_AreUniqueAcrossTheProcess()
    {
        var duplicates = Messages(InProcess)
            .GroupBy(m => m.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}")
            .ToList();

        Assert.True(duplicates.Count == 0, "Event ids used more than once:\n" + string.Join('\n', duplicates));
    }

    [Fact]
    public void Messages_FindsTheLogMethodsItChecks()
    {
        // Guards the rule above against passing because reflection found nothing.
        Assert.Contains(Messages([typeof(MessagingOptions).Assembly]), m => m.EventId == 3000);
    }

    private static IEnumerable<(int EventId, string Method)> Messages(IEnumerable<Assembly> assemblies) =>
        from assembly in assemblies
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
        let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
        where attribute is not null
        select (attribute.EventId, $"{assembly.GetName().Name}:{type.Name}.{method.Name}");
}
