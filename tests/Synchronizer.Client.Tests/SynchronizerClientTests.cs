namespace Synchronizer.Client.Tests;

public class SynchronizerClientTests
{
    [Theory]
    [InlineData(nameof(SynchronizerClientOptions.RpcTopic))]
    [InlineData(nameof(SynchronizerClientOptions.PageSize))]
    [InlineData(nameof(SynchronizerClientOptions.CallMonitorTimeout))]
    [InlineData(nameof(SynchronizerClientOptions.RpcTimeout))]
    public async Task ConnectAsync_InvalidOption_ThrowsNamingItBeforeConnecting(string option)
    {
        var options = new SynchronizerClientOptions { TransportUrl = "rabbit://guest:guest@127.0.0.1:1/" };
        switch (option)
        {
            case nameof(SynchronizerClientOptions.RpcTopic):
                options.RpcTopic = " ";
                break;
            case nameof(SynchronizerClientOptions.PageSize):
                options.PageSize = 5001;
                break;
            case nameof(SynchronizerClientOptions.CallMonitorTimeout):
                options.CallMonitorTimeout = TimeSpan.FromSeconds(1);
                break;
            default:
                options.RpcTimeout = TimeSpan.Zero;
                break;
        }

        var error = await Assert.ThrowsAsync<ArgumentException>(() => SynchronizerClient.ConnectAsync(options));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }
}
