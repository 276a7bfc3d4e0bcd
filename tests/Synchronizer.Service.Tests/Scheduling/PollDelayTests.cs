using Synchronizer.Service.Scheduling;

namespace Synchronizer.Service.Tests.Scheduling;

public class PollDelayTests
{
    private static readonly PollingOptions Polling = new(true, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(15), 0.1);

    [Theory]
    [InlineData(0.0, 54)]
    [InlineData(0.25, 57)]
    [InlineData(0.5, 60)]
    [InlineData(0.75, 63)]
    public void Next_AfterASuccess_TheIntervalSpreadByTheJitter(double sample, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), PollDelay.Next(Polling, failed: false, sample));
    }

    [Theory]
    [InlineData(0.0, 13.5)]
    [InlineData(0.5, 15)]
    public void Next_AfterAFailure_TheRetryIntervalSpreadByTheJitter(double sample, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), PollDelay.Next(Polling, failed: true, sample));
    }

    [Fact]
    public void Next_ClosestToOne_JustUnderTheLongestWait()
    {
        var delay = PollDelay.Next(Polling, failed: false, Math.BitDecrement(1.0));

        Assert.InRange(delay, TimeSpan.FromSeconds(65.99), TimeSpan.FromSeconds(66));
    }

    [Fact]
    public void Next_NoJitter_ExactlyThePeriod()
    {
        Assert.Equal(TimeSpan.FromSeconds(60), PollDelay.Next(Polling with { Jitter = 0 }, failed: false, 0.0));
    }

    [Fact]
    public void Next_OneSecondIntervalAndHalfJitter_NeverUnderOneSecond()
    {
        var polling = new PollingOptions(true, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 0.5);

        Assert.Equal(PollDelay.Minimum, PollDelay.Next(polling, failed: true, 0.0));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    public void Next_SampleOutsideZeroToOne_Throws(double sample)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PollDelay.Next(Polling, failed: false, sample));
    }
}
