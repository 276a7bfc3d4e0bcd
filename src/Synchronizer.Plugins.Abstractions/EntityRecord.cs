namespace Synchronizer.Plugins.Abstractions;

/// <summary>
/// One entity as the OpenStack API returned it: its id and the raw UTF-8 JSON of the object.
/// </summary>
/// <remarks>
/// The synchronizer keeps raw bytes rather than object trees so that 100k entities per type stay
/// cheap; the core canonicalizes and hashes <see cref="Json"/> itself.
/// </remarks>
/// <param name="Id">The entity id as the API gives it, always as a string (an integer id <c>7</c> becomes <c>"7"</c>).</param>
/// <param name="Json">The UTF-8 bytes of the entity's JSON object, exactly as listed by the API.</param>
public sealed record EntityRecord(string Id, ReadOnlyMemory<byte> Json);
