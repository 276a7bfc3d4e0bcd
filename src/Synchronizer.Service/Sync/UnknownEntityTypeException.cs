namespace Synchronizer.Service.Sync;

/// <summary>No plugin provides the entity type (CONTRACT §4 <c>UnknownEntityType</c>).</summary>
internal sealed class UnknownEntityTypeException : Exception
{
    public UnknownEntityTypeException()
    {
    }

    public UnknownEntityTypeException(string message)
        : base(message)
    {
    }

    public UnknownEntityTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a type, naming the known ones.</summary>
    /// <param name="entityType">The unknown type.</param>
    /// <param name="known">The types that exist.</param>
    /// <returns>The exception.</returns>
    public static UnknownEntityTypeException For(string entityType, IEnumerable<string> known) =>
        new($"Unknown entity type '{entityType}'; known types: {string.Join(", ", known)}.");
}
