namespace Synchronizer.Simulator.Hosting;

/// <summary>One seedable generator for seeding and churn, safe to share between threads.</summary>
internal sealed class SimulatorRandom
{
    private readonly Lock _gate = new();
    private readonly Random _random;

    public SimulatorRandom(int? seed)
    {
        // Not for security: a fixed seed must give a repeatable cloud, ids included.
        _random = seed is { } value ? new Random(value) : new Random();
    }

    public T Use<T>(Func<Random, T> draw)
    {
        lock (_gate)
        {
            return draw(_random);
        }
    }

    public Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (_gate)
        {
            _random.NextBytes(bytes);
        }

        // Stamp version 4 and the RFC 4122 variant so the id is a well-formed UUID like nova's.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
