using NSubstitute;
using Synchronizer.Client.Rpc;
using Synchronizer.Service.Commands;
using Synchronizer.Service.Commands.Client;

namespace Synchronizer.Service.Tests.Commands.Client;

public class WatchTypesTests
{
    private readonly ISynchronizerRpc _rpc = Substitute.For<ISynchronizerRpc>();
    private readonly TestConsole _console = new();
    private readonly ClientSettings _settings = Settings.Read();

    [Fact]
    public async Task ResolveAsync_NoneNamed_EveryTypeTheServiceServes()
    {
        Serve("cinder.volume", "nova.instance");

        var resolution = await ResolveAsync();

        Assert.Equal(["cinder.volume", "nova.instance"], resolution.Types);
        Assert.Empty(_console.Error);
    }

    [Fact]
    public async Task ResolveAsync_NoneNamedAndNoneServed_StopsSayingSo()
    {
        Serve();

        var resolution = await ResolveAsync();

        Assert.Equal(new WatchTypes.Resolution(null, ExitCodes.Failure), resolution);
        Assert.Contains("serves no entity type", _console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_NamedTypesServed_ThoseTypes()
    {
        Serve("cinder.volume", "nova.instance");

        var resolution = await ResolveAsync("nova.instance");

        Assert.Equal(["nova.instance"], resolution.Types);
    }

    [Fact]
    public async Task ResolveAsync_NamedTypeNotServed_RpcErrorNamingItAndWhatIsServed()
    {
        Serve("nova.instance");

        var resolution = await ResolveAsync("nova.instance", "nova.foo");

        Assert.Equal(new WatchTypes.Resolution(null, ExitCodes.RpcError), resolution);
        Assert.Equal("synchronizer: UnknownEntityType: the service does not serve nova.foo; it serves nova.instance.", _console.Error.Trim());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ResolveAsync_NamedAndServiceNotAnswering_WatchesThemAnywayWithANote(bool timeout)
    {
        Exception failure = timeout ? new TimeoutException("late") : new SynchronizerRpcException(RpcErrorClasses.MessageUndeliverable, "no queue");
        _rpc.ListTypesAsync(Arg.Any<CancellationToken>()).Returns(Task.FromException<IReadOnlyList<EntityTypeStatus>>(failure));

        var resolution = await ResolveAsync("nova.instance");

        Assert.Equal(["nova.instance"], resolution.Types);
        Assert.Contains("note: the service does not answer", _console.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Settings.Password, _console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_NoneNamedAndServiceNotAnswering_TheFailureComesThrough()
    {
        _rpc.ListTypesAsync(Arg.Any<CancellationToken>()).Returns(Task.FromException<IReadOnlyList<EntityTypeStatus>>(new TimeoutException("late")));

        await Assert.ThrowsAsync<TimeoutException>(() => ResolveAsync());
    }

    private void Serve(params string[] types) =>
        _rpc.ListTypesAsync(Arg.Any<CancellationToken>()).Returns(types.Select(t => new EntityTypeStatus(t, 1, 1, null, null, null)).ToArray());

    private Task<WatchTypes.Resolution> ResolveAsync(params string[] named) => WatchTypes.ResolveAsync(_rpc, named, _settings, _console.Console, CancellationToken.None);
}
