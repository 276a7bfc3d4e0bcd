using System.Text.Json;

namespace Synchronizer.Plugins.Heat.Stacks;

/// <summary>
/// Tells a stack Heat has finished deleting. Heat publishes <c>orchestration.stack.delete.end</c> as the
/// stack reaches <c>DELETE_COMPLETE</c> and removes its row just after (heat/engine/stack.py,
/// <c>Stack.delete</c>: <c>state_set</c>, then <c>stack_object.Stack.delete</c>), so a list in that instant
/// still shows it; the next one leaves it out. Such a stack is gone, whichever call saw it.
/// </summary>
internal static class DeletedStack
{
    private const string DeleteComplete = "DELETE_COMPLETE";

    public static bool Is(ReadOnlyMemory<byte> json) => StatusOf(json) == DeleteComplete;

    /// <summary>The stack's <c>stack_status</c>, or <see langword="null"/> when it has none.</summary>
    public static string? StatusOf(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("stack_status", out var status) && status.ValueKind == JsonValueKind.String
            ? status.GetString()
            : null;
    }
}
