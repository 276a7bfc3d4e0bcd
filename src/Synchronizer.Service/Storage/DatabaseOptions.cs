using Microsoft.Extensions.Configuration;
using Synchronizer.Core.State;

namespace Synchronizer.Service.Storage;

/// <summary>Where the baseline, the revisions and the change log are kept: the <c>[database]</c> section.</summary>
internal sealed class DatabaseOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "database";

    /// <summary>
    /// Gets or sets the state database URL: <c>sqlite:///var/lib/synchronizer/state.db</c> (an absolute path;
    /// the directory is created when missing) or <c>sqlite:///:memory:</c> (SQLite in this process's memory).
    /// Empty keeps the state in plain memory, for tests and demos: a restart then re-announces every entity.
    /// The default value is empty (in memory); production deployments set a SQLite file.
    /// </summary>
    [ConfigurationKeyName("connection")]
    public string? Connection { get; set; }

    /// <summary>
    /// Gets or sets the fewest changes per entity type the change log keeps for <c>get_changes</c>; changes
    /// not yet published are kept whatever their number. The default value is 100000.
    /// </summary>
    [ConfigurationKeyName("change_log_retention")]
    public int ChangeLogRetention { get; set; } = ChangeStoreDefaults.ChangeLogRetention;
}
