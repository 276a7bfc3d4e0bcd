using System.Text;
using Synchronizer.Core.Changes;

namespace Synchronizer.Core.Tests.Changes;

public class ChangedFieldsTests
{
    [Fact]
    public void Between_ChangedAddedRemovedKeys_ListedInOrdinalOrder()
    {
        var fields = ChangedFields.Between(Bytes("""{"a":1,"b":{"x":1},"c":"same","gone":true}"""), Bytes("""{"a":2,"b":{"x":2},"c":"same","new":null}"""));

        Assert.Equal(["a", "b", "gone", "new"], fields);
    }

    [Fact]
    public void Between_EqualObjects_Empty()
    {
        Assert.Empty(ChangedFields.Between(Bytes("""{"a":[1,2],"b":null}"""), Bytes("""{"a":[1,2],"b":null}""")));
    }

    [Fact]
    public void Between_NovaStatusChange_NamesStatusAndVmState()
    {
        var before = Bytes("""{"OS-EXT-STS:vm_state":"active","id":"x","name":"vm","status":"ACTIVE"}""");
        var after = Bytes("""{"OS-EXT-STS:vm_state":"stopped","id":"x","name":"vm","status":"SHUTOFF"}""");

        Assert.Equal(["OS-EXT-STS:vm_state", "status"], ChangedFields.Between(before, after));
    }

    private static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);
}
