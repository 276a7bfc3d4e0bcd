using System.Globalization;
using System.Text.Json;

namespace Synchronizer.Messaging.Rpc;

/// <summary>
/// Reads the keyword arguments of one request and turns every problem into an
/// <see cref="RpcErrorClasses.InvalidArgument"/> error that names the argument (CONTRACT §4).
/// A JSON <c>null</c> counts as "not given" (Python's <c>None</c>).
/// </summary>
public sealed class RpcArguments
{
    private readonly string _method;
    private readonly JsonElement _arguments;

    private RpcArguments(string method, JsonElement arguments)
    {
        _method = method;
        _arguments = arguments;
    }

    /// <summary>Starts reading the arguments of <paramref name="request"/>, refusing any name the method does not take.</summary>
    /// <param name="request">The request.</param>
    /// <param name="accepted">Every argument name the method takes.</param>
    /// <returns>The reader.</returns>
    /// <exception cref="RpcErrorException">An argument is not one of <paramref name="accepted"/> (<see cref="RpcErrorClasses.InvalidArgument"/>).</exception>
    public static RpcArguments Of(RpcRequest request, params string[] accepted)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(accepted);
        foreach (var argument in request.Arguments.EnumerateObject())
        {
            if (Array.IndexOf(accepted, argument.Name) < 0)
            {
                var takes = accepted.Length == 0 ? "takes no arguments" : $"takes {string.Join(", ", accepted)}";
                throw RpcErrorException.InvalidArgument($"{request.Method}: unexpected argument '{argument.Name}'; it {takes}.");
            }
        }

        return new RpcArguments(request.Method, request.Arguments);
    }

    /// <summary>Reads a required, non-empty string.</summary>
    /// <param name="name">The argument name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="RpcErrorException">The argument is missing, empty or not a string.</exception>
    public string GetString(string name) =>
        GetOptionalString(name) is { Length: > 0 } value ? value : throw Invalid(name, "is required: a non-empty string");

    /// <summary>Reads an optional string.</summary>
    /// <param name="name">The argument name.</param>
    /// <returns>The value, or <see langword="null"/> when the argument is missing or <c>null</c>.</returns>
    /// <exception cref="RpcErrorException">The argument is not a string.</exception>
    public string? GetOptionalString(string name) => Find(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { } other => throw Invalid(name, $"must be a string, not {Describe(other)}"),
    };

    /// <summary>Reads a required integer within a range.</summary>
    /// <param name="name">The argument name.</param>
    /// <param name="minimum">The smallest value accepted.</param>
    /// <param name="maximum">The largest value accepted.</param>
    /// <returns>The value.</returns>
    /// <exception cref="RpcErrorException">The argument is missing, not an integer, or out of range.</exception>
    public long GetInt64(string name, long minimum, long maximum) =>
        Find(name) is { } value ? ToInt64(name, value, minimum, maximum) : throw Invalid(name, $"is required: an integer from {Format(minimum)} to {Format(maximum)}");

    /// <summary>Reads an optional integer within a range.</summary>
    /// <param name="name">The argument name.</param>
    /// <param name="defaultValue">The value when the argument is missing or <c>null</c>.</param>
    /// <param name="minimum">The smallest value accepted.</param>
    /// <param name="maximum">The largest value accepted.</param>
    /// <returns>The value.</returns>
    /// <exception cref="RpcErrorException">The argument is not an integer, or out of range.</exception>
    public long GetInt64(string name, long defaultValue, long minimum, long maximum) =>
        Find(name) is { } value ? ToInt64(name, value, minimum, maximum) : defaultValue;

    /// <summary>Reads an optional boolean.</summary>
    /// <param name="name">The argument name.</param>
    /// <param name="defaultValue">The value when the argument is missing or <c>null</c>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="RpcErrorException">The argument is not <c>true</c> or <c>false</c>.</exception>
    public bool GetBoolean(string name, bool defaultValue) => Find(name) switch
    {
        null => defaultValue,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { } other => throw Invalid(name, $"must be true or false, not {Describe(other)}"),
    };

    /// <summary>Reads a required JSON object.</summary>
    /// <param name="name">The argument name.</param>
    /// <returns>The object; valid as long as the request is.</returns>
    /// <exception cref="RpcErrorException">The argument is missing or not an object.</exception>
    public JsonElement GetObject(string name) => Find(name) switch
    {
        null => throw Invalid(name, "is required: a JSON object"),
        { ValueKind: JsonValueKind.Object } value => value,
        { } other => throw Invalid(name, $"must be a JSON object, not {Describe(other)}"),
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private JsonElement? Find(string name) =>
        _arguments.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private long ToInt64(string name, JsonElement value, long minimum, long maximum)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            throw Invalid(name, $"must be an integer from {Format(minimum)} to {Format(maximum)}, not {Describe(value)}");
        }

        return number >= minimum && number <= maximum
            ? number
            : throw Invalid(name, $"must be an integer from {Format(minimum)} to {Format(maximum)}, not {Format(number)}");
    }

    private RpcErrorException Invalid(string name, string problem) =>
        RpcErrorException.InvalidArgument($"{_method}: argument '{name}' {problem}.");
}
