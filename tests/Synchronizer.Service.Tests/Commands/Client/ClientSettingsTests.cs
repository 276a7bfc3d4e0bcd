using Synchronizer.Service.Commands.Client;
using Synchronizer.Service.Configuration;

namespace Synchronizer.Service.Tests.Commands.Client;

public class ClientSettingsTests
{
    [Fact]
    public void Read_DefaultSection_TheServiceKeysBecomeTheClientsOptions()
    {
        var settings = Settings.Read(
            ("DEFAULT:control_exchange", "cloud-a"),
            ("DEFAULT:rpc_topic", "sync-rpc"),
            ("DEFAULT:notification_topic_prefix", "changes"),
            ("DEFAULT:amqp_durable_queues", "true"));

        var options = settings.Options;
        Assert.Equal(("cloud-a", "sync-rpc", "changes", true), (options.ControlExchange, options.RpcTopic, options.NotificationTopicPrefix, options.AmqpDurableQueues));
        Assert.Equal(TimeSpan.FromSeconds(30), options.RpcTimeout);
        Assert.Equal(ClientSettings.CallMonitorTimeout, options.CallMonitorTimeout);
        Assert.Equal("rabbit://ops:***@broker.example:5671/sync (exchange cloud-a, topic sync-rpc)", settings.Where);
    }

    [Fact]
    public void Read_NothingSet_TheServicesDefaults()
    {
        var settings = ClientSettings.Read(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), TimeSpan.FromSeconds(1));

        Assert.Equal("rabbit://guest:guest@127.0.0.1:5672/", settings.Options.TransportUrl);
        Assert.Equal(("synchronizer", "synchronizer", "synchronizer"), (settings.Options.ControlExchange, settings.Options.RpcTopic, settings.Options.NotificationTopicPrefix));
    }

    [Theory]
    [InlineData("DEFAULT:transport_url", "http://ops:s3cr3t-p4ss@broker.example/")]
    [InlineData("DEFAULT:transport_url", "rabbit://ops:s3cr3t-p4ss@broker.example:99999/")]
    [InlineData("DEFAULT:amqp_durable_queues", "maybe")]
    public void Read_MalformedValue_ConfigurationErrorNamingTheKeyWithoutThePassword(string key, string value)
    {
        var error = Assert.Throws<ConfigurationFileException>(() => Settings.Read((key, value)));

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Settings.Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_TextQuotingThePassword_Hidden()
    {
        Assert.Equal("login *** refused", Settings.Read().Redact($"login {Settings.Password} refused"));
    }
}
