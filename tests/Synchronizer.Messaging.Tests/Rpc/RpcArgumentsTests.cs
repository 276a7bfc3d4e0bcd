using System.Text.Json;
using Synchronizer.Messaging.Rpc;

namespace Synchronizer.Messaging.Tests.Rpc;

public class RpcArgumentsTests
{
    [Fact]
    public void Of_UnexpectedArgument_ThrowsInvalidArgumentNamingIt()
    {
        var error = Assert.Throws<RpcErrorException>(() => RpcArguments.Of(Request("""{"entity_type": "nova.instance", "colour": "red"}"""), "entity_type", "marker"));

        Assert.Equal(RpcErrorClasses.InvalidArgument, error.ClassName);
        Assert.Contains("'colour'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_MethodWithoutArgumentsGivenOne_ThrowsInvalidArgument()
    {
        var error = Assert.Throws<RpcErrorException>(() => RpcArguments.Of(Request("""{"x": 1}"""), []));

        Assert.Contains("takes no arguments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetString_Present_ReturnsIt()
    {
        Assert.Equal("nova.instance", Arguments("""{"entity_type": "nova.instance"}""").GetString("entity_type"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"entity_type": null}""")]
    [InlineData("""{"entity_type": ""}""")]
    [InlineData("""{"entity_type": 5}""")]
    public void GetString_MissingEmptyOrNotAString_ThrowsInvalidArgument(string arguments)
    {
        var error = Assert.Throws<RpcErrorException>(() => Arguments(arguments).GetString("entity_type"));

        Assert.Equal(RpcErrorClasses.InvalidArgument, error.ClassName);
        Assert.StartsWith("get_all: argument 'entity_type'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetOptionalString_Null_ReturnsNull()
    {
        Assert.Null(Arguments("""{"marker": null}""").GetOptionalString("marker"));
    }

    [Theory]
    [InlineData("{}", 1000)]
    [InlineData("""{"limit": null}""", 1000)]
    [InlineData("""{"limit": 1}""", 1)]
    [InlineData("""{"limit": 5000}""", 5000)]
    public void GetInt64_InRangeOrMissing_ReturnsValueOrDefault(string arguments, long expected)
    {
        Assert.Equal(expected, Arguments(arguments).GetInt64("limit", 1000, 1, 5000));
    }

    [Theory]
    [InlineData("""{"limit": 0}""", "not 0")]
    [InlineData("""{"limit": 100000000000}""", "not 100000000000")]
    [InlineData("""{"limit": 1e400}""", "the number 1e400")]
    [InlineData("""{"limit": 2.5}""", "the number 2.5")]
    [InlineData("""{"limit": "10"}""", "a string")]
    [InlineData("""{"limit": true}""", "a boolean")]
    public void GetInt64_OutOfRangeOrWrongType_ThrowsInvalidArgumentSayingWhy(string arguments, string why)
    {
        var error = Assert.Throws<RpcErrorException>(() => Arguments(arguments).GetInt64("limit", 1000, 1, 5000));

        Assert.Contains("must be an integer from 1 to 5000", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetInt64_RequiredMissing_ThrowsInvalidArgument()
    {
        var error = Assert.Throws<RpcErrorException>(() => Arguments("{}").GetInt64("since_revision", 0, long.MaxValue));

        Assert.Contains("'since_revision' is required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", true)]
    [InlineData("""{"wait": false}""", false)]
    [InlineData("""{"wait": true}""", true)]
    public void GetBoolean_ReturnsValueOrDefault(string arguments, bool expected)
    {
        Assert.Equal(expected, Arguments(arguments).GetBoolean("wait", true));
    }

    [Fact]
    public void GetBoolean_String_ThrowsInvalidArgument()
    {
        Assert.Throws<RpcErrorException>(() => Arguments("""{"wait": "yes"}""").GetBoolean("wait", true));
    }

    [Fact]
    public void GetObject_Object_ReturnsIt()
    {
        var inventory = Arguments("""{"inventory": {"a": "xxh3-64:0000000000000001"}}""").GetObject("inventory");

        Assert.Equal("xxh3-64:0000000000000001", inventory.GetProperty("a").GetString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"inventory": ["a"]}""")]
    public void GetObject_MissingOrArray_ThrowsInvalidArgument(string arguments)
    {
        Assert.Throws<RpcErrorException>(() => Arguments(arguments).GetObject("inventory"));
    }

    private static RpcArguments Arguments(string json)
    {
        var request = Request(json);
        return RpcArguments.Of(request, [.. request.Arguments.EnumerateObject().Select(p => p.Name)]);
    }

    private static RpcRequest Request(string arguments)
    {
        using var document = JsonDocument.Parse(arguments);
        return new RpcRequest("get_all", document.RootElement.Clone(), "1.0", new Dictionary<string, JsonElement>(), "m1", "reply_x", null);
    }
}
