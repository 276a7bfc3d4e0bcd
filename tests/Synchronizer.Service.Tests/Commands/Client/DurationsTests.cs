using Synchronizer.Service.Commands.Client;

namespace Synchronizer.Service.Tests.Commands.Client;

public class DurationsTests
{
    [Theory]
    [InlineData(0.25, "250 ms")]
    [InlineData(1, "1 s")]
    [InlineData(119, "119 s")]
    [InlineData(300, "5 min")]
    [InlineData(7199, "119 min")]
    [InlineData(7500, "2 h 5 min")]
    [InlineData(273600, "3 d 4 h")]
    public void Short_Duration_ReadableAtAGlance(double seconds, string expected)
    {
        Assert.Equal(expected, Durations.Short(TimeSpan.FromSeconds(seconds)));
    }
}
