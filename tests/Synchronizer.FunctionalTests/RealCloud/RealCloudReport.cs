using System.Globalization;
using Xunit.Abstractions;

namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>
/// Figures the tier measures (push latencies, durations): into the test's output and, when
/// <c>SYNCHRONIZER_REALCLOUD_REPORT</c> names a file, appended there so scripts/functional-real prints them.
/// </summary>
internal static class RealCloudReport
{
    public const string FileVariable = "SYNCHRONIZER_REALCLOUD_REPORT";

    private static readonly Lock Writing = new();

    public static void Write(ITestOutputHelper output, FormattableString line)
    {
        var text = line.ToString(CultureInfo.InvariantCulture);
        output.WriteLine(text);
        if (Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } file)
        {
            lock (Writing)
            {
                File.AppendAllText(file, text + Environment.NewLine);
            }
        }
    }
}
