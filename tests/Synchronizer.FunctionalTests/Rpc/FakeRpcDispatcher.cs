using System.Text.Json;
using Synchronizer.Messaging.Rpc;

namespace Synchronizer.FunctionalTests.Rpc;

/// <summary>
/// A dispatcher with test methods: <c>echo</c> (returns its arguments, context and version),
/// <c>slow(seconds)</c>, <c>fail(class_name, message)</c> (a contract error), <c>crash</c> (an
/// unexpected exception) and <c>record</c> (for casts). Every request it sees is recorded.
/// </summary>
internal sealed class FakeRpcDispatcher : IRpcDispatcher
{
    private readonly List<RpcRequest> _received = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<RpcRequest> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public async Task<RpcResult> DispatchAsync(RpcRequest request, CancellationToken cancellationToken)
    {
        TaskCompletionSource arrived;
        lock (_received)
        {
            _received.Add(request);
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.SetResult();
        switch (request.Method)
        {
            case "echo":
                return RpcResult.FromWriter(json => WriteEcho(json, request));
            case "slow":
                var seconds = RpcArguments.Of(request, "seconds").GetInt64("seconds", 0, 600);
                await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
                return RpcResult.FromWriter(json => json.WriteStringValue("done"));
            case "fail":
                var arguments = RpcArguments.Of(request, "class_name", "message");
                throw new RpcErrorException(arguments.GetString("class_name"), arguments.GetString("message"));
            case "crash":
                throw new InvalidOperationException("the fake dispatcher crashed on purpose");
            case "record":
                return RpcResult.Null;
            default:
                throw RpcErrorException.UnknownMethod(request.Method);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived.</summary>
    public async Task<IReadOnlyList<RpcRequest>> WaitForAsync(int count, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            Task arrived;
            lock (_received)
            {
                if (_received.Count >= count)
                {
                    return [.. _received];
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} requests within {timeout.TotalSeconds} s, got {Received.Count}.");
            }
        }
    }

    private static void WriteEcho(Utf8JsonWriter json, RpcRequest request)
    {
        json.WriteStartObject();
        json.WritePropertyName("args");
        request.Arguments.WriteTo(json);
        json.WriteStartObject("context");
        foreach (var (key, value) in request.Context)
        {
            json.WritePropertyName(key);
            value.WriteTo(json);
        }

        json.WriteEndObject();
        json.WriteString("version", request.Version);
        json.WriteEndObject();
    }
}
