using Spectre.Console;

namespace Synchronizer.Service.Commands.Client;

/// <summary>
/// Spectre's live displays on standard error while a command waits, shown only when standard error is a
/// terminal: a log or a pipe gets no spinner frames. Without a terminal the work simply runs.
/// </summary>
internal sealed class WaitDisplay
{
    private readonly IAnsiConsole? _console;

    /// <summary>Initializes a new instance of the <see cref="WaitDisplay"/> class.</summary>
    /// <param name="console">The console of standard error; <see langword="null"/> to show nothing.</param>
    public WaitDisplay(IAnsiConsole? console) => _console = console;

    /// <summary>A display on the console's standard error, when it is a terminal.</summary>
    public static WaitDisplay For(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        return new WaitDisplay(console.ErrorInteractive ? console.ErrorConsole : null);
    }

    /// <summary>Runs <paramref name="work"/> under a spinner saying <paramref name="status"/>.</summary>
    public Task<T> StatusAsync<T>(string status, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return _console is null
            ? work()
            : _console.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(status), _ => work());
    }

    /// <summary>
    /// Runs <paramref name="work"/> under a progress bar of <paramref name="total"/> items (a spinner when the total
    /// is not known); <paramref name="work"/> reports how many items it has done so far.
    /// </summary>
    public Task<T> ProgressAsync<T>(string description, long? total, Func<Action<long>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_console is null)
        {
            return work(_ => { });
        }

        return _console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(description), autoStart: true, maxValue: Math.Max(1, total ?? 1));
                task.IsIndeterminate = total is null;
                var result = await work(done => task.Value = Math.Min(done, task.MaxValue));
                task.Value = task.MaxValue;
                return result;
            });
    }
}
