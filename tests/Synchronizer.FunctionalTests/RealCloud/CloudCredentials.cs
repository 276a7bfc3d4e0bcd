namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>A user of the real cloud and the project its tokens are scoped to.</summary>
internal sealed record CloudCredentials(string Username, string Password, string ProjectName)
{
    // Records print their members; this one must never print the password.
    public override string ToString() => $"{Username}@{ProjectName}";
}
