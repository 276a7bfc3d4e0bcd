namespace Synchronizer.Plugins.Abstractions.Tests;

public class EntityTypeDescriptorTests
{
    [Theory]
    [InlineData("nova.instance")]
    [InlineData("cinder.volume")]
    [InlineData("neutron.floating_ip")]
    [InlineData("s3.bucket2")]
    public void IsValidName_ServiceDotEntity_IsValid(string name)
    {
        Assert.True(EntityTypeDescriptor.IsValidName(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("nova")]
    [InlineData("Nova.Instance")]
    [InlineData("nova.instance.extra")]
    [InlineData("nova-instance")]
    [InlineData(".instance")]
    [InlineData("1nova.instance")]
    public void IsValidName_AnythingElse_IsInvalid(string name)
    {
        Assert.False(EntityTypeDescriptor.IsValidName(name));
    }

    [Fact]
    public void Constructor_BadName_ThrowsNamingTheRule()
    {
        var error = Assert.Throws<ArgumentException>(() => new EntityTypeDescriptor("Nova.Instance", [], TimeSpan.FromSeconds(1)));

        Assert.Contains("<service>.<entity>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NonPositiveInterval_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EntityTypeDescriptor("nova.instance", [], TimeSpan.Zero));
    }

    [Fact]
    public void VolatileFields_AreASetComparedOrdinally()
    {
        var descriptor = new EntityTypeDescriptor("nova.instance", ["updated", "updated", "progress"], TimeSpan.FromSeconds(60));

        Assert.Equal(2, descriptor.VolatileFields.Count);
        Assert.Contains("updated", descriptor.VolatileFields);
        Assert.DoesNotContain("Updated", descriptor.VolatileFields);
    }
}
