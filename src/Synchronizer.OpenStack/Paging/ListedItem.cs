namespace Synchronizer.OpenStack.Paging;

/// <summary>One item of a list call: its id, as a string, and its raw UTF-8 JSON.</summary>
/// <param name="Id">The item id; integer ids are written in invariant form.</param>
/// <param name="Json">The raw bytes of the item object, copied out of the page.</param>
public readonly record struct ListedItem(string Id, ReadOnlyMemory<byte> Json);
