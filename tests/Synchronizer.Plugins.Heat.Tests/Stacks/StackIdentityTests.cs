namespace Synchronizer.Plugins.Heat.Tests.Stacks;

public class StackIdentityTests
{
    [Theory]
    [InlineData("3095aefc-09fb-4bc7-b1f0-f21a304e864c", "3095aefc-09fb-4bc7-b1f0-f21a304e864c")]
    [InlineData("arn:openstack:heat::4c35985848bf4419b3f3d52c22e5792d:stacks/AS1-ASGroup-53sqbo7sor7i/cb4a6fd1-1f5d-4002-ae91-9b91573cfb03", "cb4a6fd1-1f5d-4002-ae91-9b91573cfb03")]
    [InlineData("arn:openstack:heat::t:stacks/my%2Fstack/cb4a6fd1-1f5d-4002-ae91-9b91573cfb03/resources/server", "cb4a6fd1-1f5d-4002-ae91-9b91573cfb03")]
    public void ParseId_BareIdOrArn_ReturnsTheStackId(string identity, string expected)
    {
        Assert.Equal(expected, Heat.Stacks.StackIdentity.ParseId(identity));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("arn:openstack:heat::t:software_configs/abc")]
    [InlineData("arn:openstack:heat::t:stacks/name-only")]
    [InlineData("arn:openstack:heat::t:stacks/name/")]
    public void ParseId_NoStackId_ReturnsNull(string? identity)
    {
        Assert.Null(Heat.Stacks.StackIdentity.ParseId(identity));
    }
}
