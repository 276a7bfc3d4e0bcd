namespace Synchronizer.Simulator.Control;

/// <summary>Runs <see cref="ChurnEngine"/> at the configured rate, on ticks of the injected clock.</summary>
internal sealed class ChurnWorker : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    private readonly ChurnEngine _engine;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private double _perSecond;

    public ChurnWorker(ChurnEngine engine, TimeProvider time, ILogger logger, double perSecond)
    {
        _engine = engine;
        _time = time;
        _logger = logger;
        _perSecond = perSecond;
    }

    public double PerSecond => Volatile.Read(ref _perSecond);

    public void Set(double perSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perSecond);
        Volatile.Write(ref _perSecond, perSecond);
        Log.ChurnChanged(_logger, perSecond);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var last = _time.GetTimestamp();
        var owed = 0.0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Tick, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var now = _time.GetTimestamp();
            var elapsed = _time.GetElapsedTime(last, now).TotalSeconds;
            last = now;
            var rate = PerSecond;

            // Fractions carry over between ticks; a stall (a paused debugger) is not made up in one burst.
            owed = rate <= 0 ? 0 : Math.Min(owed + (rate * elapsed), rate + 1);
            for (; owed >= 1; owed--)
            {
                _engine.Step();
            }
        }
    }
}
