namespace Synchronizer.OpenStack.Resilience;

/// <summary>Reads <c>Retry-After</c> (RFC 9110 §10.2.3): seconds, or an HTTP date.</summary>
internal static class RetryAfter
{
    /// <summary>The wait the service asked for, cut to <paramref name="cap"/>; <see langword="null"/> when it asked for none.</summary>
    public static TimeSpan? Delay(HttpResponseMessage response, DateTimeOffset now, TimeSpan cap)
    {
        var header = response.Headers.RetryAfter;
        var asked = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        if (asked is not { } wait)
        {
            return null;
        }

        // A date already past means "now"; a long wait is cut so one request cannot stall a poll for an hour.
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > cap ? cap : wait;
    }
}
