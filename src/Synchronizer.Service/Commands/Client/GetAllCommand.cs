using System.CommandLine;
using Synchronizer.Client.Replication;
using Synchronizer.Client.Rpc;

namespace Synchronizer.Service.Commands.Client;

/// <summary><c>synchronizer get-all TYPE</c>: one consistent snapshot of a type, paged through <c>get_all</c>.</summary>
internal static class GetAllCommand
{
    public const string TableName = "table";
    public const string JsonLinesName = "jsonl";
    public const int DefaultPageSize = 1000;

    public static Command Create(CliConsole console)
    {
        var type = new Argument<string>("TYPE") { Description = "The entity type, for example nova.instance, cinder.volume or heat.stack." };
        var output = new Option<string?>("--output", "-o")
        {
            Description = $"'{TableName}' or '{JsonLinesName}' (one JSON object {{\"id\", \"revision\", \"hash\", \"entity\"}} per line) [default: {TableName} on a terminal, {JsonLinesName} when standard output is redirected].",
            HelpName = "FORMAT",
        };
        output.AcceptOnlyFromAmong(TableName, JsonLinesName);
        var limit = new Option<int?>("--limit") { Description = "Print at most this many entities, the first ones in id order.", HelpName = "N" };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
            {
                r.AddError("--limit must be at least 1.");
            }
        });
        var pageSize = new Option<int>("--page-size")
        {
            Description = "Entities per get_all call, 1 to 5000.",
            DefaultValueFactory = _ => DefaultPageSize,
            HelpName = "N",
        };
        pageSize.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 5000)
            {
                r.AddError("--page-size must be from 1 to 5000.");
            }
        });
        var project = new Option<string?>("--project-id") { Description = "Only the entities of this OpenStack project.", HelpName = "ID" };
        var timeout = ClientCommandOptions.Timeout(60);
        var command = new DocumentedCommand(
            "get-all",
            "Print every entity of a type as the running service has it: one consistent snapshot at one revision, read page by page.",
            "synchronizer get-all nova.instance                          # a table on a terminal",
            "synchronizer get-all nova.instance > servers.jsonl          # JSON lines when redirected",
            "synchronizer get-all cinder.volume -o jsonl | jq -r '.entity.status' | sort | uniq -c",
            "synchronizer get-all heat.stack --limit 20 --output table");
        ClientCommandOptions.AddConfiguration(command);
        command.Arguments.Add(type);
        command.Options.Add(output);
        command.Options.Add(limit);
        command.Options.Add(pageSize);
        command.Options.Add(project);
        command.Options.Add(timeout);
        command.SetAction((parse, cancellationToken) => ClientCommandRunner.RunAsync(
            parse,
            timeout,
            console,
            (client, _, ct) => RunAsync(
                client.Rpc,
                new GetAllRequest(parse.GetValue(type)!, ParseOutput(parse.GetValue(output)), parse.GetValue(limit), parse.GetValue(pageSize), parse.GetValue(project)),
                console,
                ct),
            cancellationToken));
        return command;
    }

    public static SnapshotOutput? ParseOutput(string? name) => name switch
    {
        TableName => SnapshotOutput.Table,
        JsonLinesName => SnapshotOutput.JsonLines,
        _ => null,
    };

    /// <summary>Reads the snapshot and prints it: JSON lines as the pages arrive, a table once all are read.</summary>
    public static async Task<int> RunAsync(ISynchronizerRpc rpc, GetAllRequest request, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        var output = request.Output ?? (console.OutputRedirected ? SnapshotOutput.JsonLines : SnapshotOutput.Table);

        // A progress bar only where it cannot mix with the entities: a table comes after it, JSON lines go elsewhere.
        var showProgress = console.ErrorInteractive && (output == SnapshotOutput.Table || console.OutputRedirected);
        var display = showProgress ? WaitDisplay.For(console) : new WaitDisplay(null);
        var total = showProgress ? await CountAsync(rpc, request, cancellationToken) : null;
        var rows = new List<ReplicaEntity>();
        var read = await display.ProgressAsync($"Reading {request.EntityType}", total, async report =>
        {
            var snapshot = new SnapshotRead(null, 0, false);
            await foreach (var page in rpc.ReadSnapshotAsync(request.EntityType, request.PageSize, request.ProjectId, cancellationToken))
            {
                snapshot = snapshot with { Revision = page.Revision };
                for (var i = 0; i < page.Entities.Count; i++)
                {
                    if (snapshot.Count == request.Limit)
                    {
                        return snapshot with { Cut = true };
                    }

                    if (output == SnapshotOutput.JsonLines)
                    {
                        SnapshotView.WriteJsonLine(page.Entities[i], console.Output);
                    }
                    else
                    {
                        rows.Add(page.Entities[i]);
                    }

                    snapshot = snapshot with { Count = snapshot.Count + 1 };
                }

                report(snapshot.Count);
                if (snapshot.Count == request.Limit && page.NextMarker is not null)
                {
                    return snapshot with { Cut = true };
                }
            }

            return snapshot;
        });

        if (output == SnapshotOutput.Table)
        {
            SnapshotView.Render(request.EntityType, read.Revision, rows, read.Cut, console.OutputConsole);
        }
        else
        {
            await console.Error.WriteLineAsync(SnapshotView.Summary(request.EntityType, read.Revision, read.Count, read.Cut));
        }

        return ExitCodes.Ok;
    }

    /// <summary>The size of the progress bar: the type's count in <c>list_types</c> (all projects), cut by <c>--limit</c>.</summary>
    private static async Task<long?> CountAsync(ISynchronizerRpc rpc, GetAllRequest request, CancellationToken cancellationToken)
    {
        if (request.ProjectId is not null)
        {
            // list_types counts every project: no total for one project's share.
            return null;
        }

        var types = await rpc.ListTypesAsync(cancellationToken);
        var count = types.FirstOrDefault(t => t.EntityType == request.EntityType)?.Count;
        return count is { } c && request.Limit is { } l ? Math.Min(c, l) : count;
    }

    /// <summary>How far the reading got.</summary>
    private sealed record SnapshotRead(long? Revision, int Count, bool Cut);
}
