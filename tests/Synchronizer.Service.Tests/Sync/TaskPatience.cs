namespace Synchronizer.Service.Tests.Sync;

/// <summary>Bounds every wait of a test, so a coordination bug fails the test instead of hanging the run.</summary>
internal static class TaskPatience
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Limit);

    public static Task Within(this Task task) => task.WaitAsync(Limit);
}
