namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>Waits for the real cloud, which finishes most operations after the API call has returned.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    /// <summary>Probes until <paramref name="done"/> holds and returns the last probe; fails after <paramref name="timeout"/>.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still waiting after {timeout.TotalSeconds} s for {what}; last seen: {value}");
            }

            await Task.Delay(Pause);
        }
    }
}
