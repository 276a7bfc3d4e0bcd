using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Orchestration;

/// <summary>Builds new stacks as heat holds them after a create, and the reasons heat gives for each state.</summary>
internal sealed class StackFactory
{
    private readonly SimulatorRandom _random;

    public StackFactory(SimulatorRandom random)
    {
        _random = random;
    }

    public StackRecord Create(string? name, string projectId, string userId, string username, string stackStatus, DateTime createdAt)
    {
        var (action, status) = Split(stackStatus);
        var id = _random.NewGuid().ToString("D");
        return new StackRecord
        {
            Id = id,
            Name = name ?? "stack-" + id[..8],
            ProjectId = projectId,
            UserId = userId,
            Username = username,
            Action = action,
            Status = status,
            StatusReason = Reason(action, status),
            Description = "Simulated stack",
            CreatedAt = createdAt,
        };
    }

    /// <summary>"CREATE_COMPLETE" into ("CREATE", "COMPLETE"), as heat splits action and status.</summary>
    /// <exception cref="ArgumentException">Not an action and a status heat knows.</exception>
    public static (string Action, string Status) Split(string stackStatus)
    {
        string[] actions = ["CREATE", "UPDATE", "DELETE", "ROLLBACK", "SUSPEND", "RESUME", "ADOPT", "SNAPSHOT", "CHECK", "RESTORE"];
        string[] statuses = ["IN_PROGRESS", "COMPLETE", "FAILED"];
        foreach (var action in actions)
        {
            if (stackStatus.StartsWith(action + "_", StringComparison.Ordinal) && statuses.Contains(stackStatus[(action.Length + 1)..]))
            {
                return (action, stackStatus[(action.Length + 1)..]);
            }
        }

        throw new ArgumentException($"Unknown stack status '{stackStatus}'; expected <ACTION>_<IN_PROGRESS|COMPLETE|FAILED>, e.g. CREATE_COMPLETE.");
    }

    /// <summary>The stack_status_reason heat writes (REALSTACK.md: "Stack CREATE completed successfully").</summary>
    public static string Reason(string action, string status) => status switch
    {
        "COMPLETE" => $"Stack {action} completed successfully",
        "IN_PROGRESS" => $"Stack {action} started",
        _ => $"Resource {action} failed: ResourceInError: resources.server: Went to status ERROR due to \"Message: No valid host was found. , Code: 500\"",
    };
}
