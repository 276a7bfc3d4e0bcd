using System.Reflection;
using Synchronizer.Client;

namespace Synchronizer.Architecture.Tests;

/// <summary>
/// Synchronizer.Client is the library other teams put in their own services: it carries the wire
/// contract and nothing of the service, pulls in no implementation packages, and keeps RabbitMQ out of
/// its public API. If one of these fails, change the design, not the test.
/// </summary>
public class ClientRulesTests
{
    private static readonly Assembly Client = typeof(SynchronizerClient).Assembly;
    private static readonly Assembly Service = Assembly.Load("synchronizer");
    private static readonly Assembly Messaging = typeof(Messaging.MessagingOptions).Assembly;

    [Fact]
    public void Client_ReferencesNoOtherProjectOfTheSynchronizer()
    {
        var ours = Client.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("Synchronizer.", StringComparison.Ordinal) || n == "synchronizer");
        Assert.Empty(ours);
    }

    [Fact]
    public void Client_DependsOnlyOnTheRuntimeRabbitMqClientAndAbstractions()
    {
        var disallowed = ClientRules.DisallowedReferences(Client);
        Assert.True(disallowed.Count == 0, $"Synchronizer.Client references {string.Join(", ", disallowed)}; it may use the runtime, RabbitMQ.Client and Microsoft.Extensions.*.Abstractions only.");
    }

    [Fact]
    public void Client_PublicApiExposesNoRabbitMqType()
    {
        var leaks = ClientRules.PublicUsesOf(Client, "RabbitMQ.Client");
        Assert.True(leaks.Count == 0, $"Public members of Synchronizer.Client expose RabbitMQ.Client: {string.Join("; ", leaks)}.");
    }

    // The rules must be able to fail: on assemblies that break them, they say so.
    [Fact]
    public void DisallowedReferences_OnTheService_FindsItsImplementationPackages()
    {
        Assert.Contains("Quartz", ClientRules.DisallowedReferences(Service));
    }

    [Fact]
    public void PublicUsesOf_OnAnAssemblyExposingTheType_FindsTheMember()
    {
        var leaks = ClientRules.PublicUsesOf(Messaging, "RabbitMQ.Client");
        Assert.Contains("Synchronizer.Messaging.Rabbit.RabbitConnections.OpenAsync", leaks);
    }
}
