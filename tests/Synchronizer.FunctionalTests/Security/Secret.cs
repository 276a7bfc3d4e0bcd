using System.Text;
using System.Text.Json;

namespace Synchronizer.FunctionalTests.Security;

/// <summary>
/// One secret the service knows or sees, named by its kind so that a failure can say which one leaked
/// without printing it.
/// </summary>
/// <param name="Kind">What the secret is, for example "the Keystone password".</param>
/// <param name="Value">The secret itself; never put it in a message.</param>
/// <param name="UserName">The user it belongs to, when it may also travel as <c>user:secret</c> (HTTP Basic, AMQP PLAIN).</param>
/// <param name="DistinctFrom">Where the part of <paramref name="Value"/> that no other text shares starts (Keystone tokens all begin with <c>gAAAAAB</c>).</param>
internal sealed record Secret(string Kind, string Value, string? UserName = null, int DistinctFrom = 0)
{
    private const int FragmentLength = 12;

    /// <summary>
    /// Gets every spelling in which the secret could reach a log line: as written, URL-encoded (a
    /// transport URL), JSON-escaped (a request body), base64 alone and as <c>user:secret</c>, and its
    /// first distinct characters (a truncated or partly masked copy still leaks).
    /// </summary>
    public IEnumerable<(string Form, string Text)> Forms()
    {
        var forms = new List<(string Form, string Text)> { ("as written", Value) };
        AddIfDifferent(forms, "URL-encoded", Uri.EscapeDataString(Value));
        AddIfDifferent(forms, "JSON-escaped", JsonSerializer.Serialize(Value)[1..^1]);
        forms.Add(("base64", Convert.ToBase64String(Encoding.UTF8.GetBytes(Value))));
        if (UserName is not null)
        {
            forms.Add(("base64 of user:secret", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{UserName}:{Value}"))));
        }

        if (Value.Length >= DistinctFrom + FragmentLength)
        {
            forms.Add(($"its first {FragmentLength} distinct characters", Value.Substring(DistinctFrom, FragmentLength)));
        }

        return forms;
    }

    /// <summary>Returns the kind only, so that a secret printed by mistake in a test message shows nothing.</summary>
    /// <returns>The kind.</returns>
    public override string ToString() => Kind;

    private static void AddIfDifferent(List<(string Form, string Text)> forms, string form, string text)
    {
        if (forms.TrueForAll(f => !string.Equals(f.Text, text, StringComparison.Ordinal)))
        {
            forms.Add((form, text));
        }
    }
}
