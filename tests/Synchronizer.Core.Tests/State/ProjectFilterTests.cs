using System.Text;
using Synchronizer.Core.Hashing;
using Synchronizer.Core.State;

namespace Synchronizer.Core.Tests.State;

public class ProjectFilterTests
{
    [Theory]
    [InlineData("""{"id":"a","tenant_id":"p1"}""", true)]
    [InlineData("""{"id":"a","project_id":"p1"}""", true)]
    [InlineData("""{"id":"a","os-vol-tenant-attr:tenant_id":"p1"}""", true)]
    [InlineData("""{"id":"a","tenant_id":"p2"}""", false)]
    [InlineData("""{"id":"a","tenant_id":null}""", false)]
    [InlineData("""{"id":"a"}""", false)]
    [InlineData("""{"id":"a","metadata":{"tenant_id":"p1"},"tenant_id":"p2"}""", false)]
    [InlineData("""{"a":[{"project_id":"p1"}],"id":"a","user_id":"p1"}""", false)]
    public void For_DefaultFields_MatchesOnlyTopLevelProjectFields(string json, bool expected)
    {
        var filter = ProjectFilter.For("p1");

        Assert.Equal(expected, filter(Entity(json)));
    }

    [Fact]
    public void For_OwnFields_ReadsThoseInstead()
    {
        var filter = ProjectFilter.For("p1", ["project"]);

        Assert.True(filter(Entity("""{"id":"a","project":"p1"}""")));
        Assert.False(filter(Entity("""{"id":"a","tenant_id":"p1"}""")));
    }

    [Fact]
    public void For_EscapedValue_ComparesUnescapedText()
    {
        Assert.True(ProjectFilter.For("p/1")(Entity("""{"tenant_id":"p\/1"}""")));
    }

    private static StoredEntity Entity(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return new StoredEntity("a", ContentHash.Of(bytes), bytes, 1);
    }
}
