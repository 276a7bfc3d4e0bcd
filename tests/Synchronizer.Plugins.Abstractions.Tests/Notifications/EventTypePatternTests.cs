using Synchronizer.Plugins.Abstractions.Notifications;

namespace Synchronizer.Plugins.Abstractions.Tests.Notifications;

public class EventTypePatternTests
{
    [Theory]
    [InlineData("instance.update", "instance.update", true)]
    [InlineData("instance.update", "instance.update.end", false)]
    [InlineData("instance.*", "instance.create.end", true)]
    [InlineData("instance.*", "instance.", true)]
    [InlineData("instance.*", "instance", false)]
    [InlineData("instance.*", "compute.instance.create.end", false)]
    [InlineData("volume.*", "volume_type.create", false)]
    [InlineData("*", "anything.at.all", true)]
    [InlineData("Instance.*", "instance.update", false)]
    public void Matches_ExactOrPrefix(string pattern, string eventType, bool expected)
    {
        Assert.Equal(expected, EventTypePattern.Matches(pattern, eventType));
    }

    [Fact]
    public void MatchesAny_OneOfSeveral_Matches()
    {
        Assert.True(EventTypePattern.MatchesAny(["instance.*", "compute.instance.*"], "compute.instance.delete.start"));
        Assert.False(EventTypePattern.MatchesAny([], "instance.update"));
    }

    [Fact]
    public void Understands_DefaultsToTheEventTypes()
    {
        INotificationMapper mapper = new Mapper();

        Assert.True(mapper.Understands("orchestration.stack.create.end"));
        Assert.False(mapper.Understands("orchestration.autoscaling.start"));
    }

    private sealed class Mapper : INotificationMapper
    {
        public IReadOnlyList<NotificationTarget> Targets { get; } = [new("heat", "notifications")];

        public IReadOnlyList<string> EventTypes { get; } = ["orchestration.stack.*"];

        public IEnumerable<string> EntityIds(string eventType, System.Text.Json.JsonElement payload) => [];
    }
}
