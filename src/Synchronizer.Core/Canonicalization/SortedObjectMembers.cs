using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Synchronizer.Core.Canonicalization;

/// <summary>
/// The members of one JSON object in RFC 8785 order, duplicates rejected and excluded keys left out,
/// held in pooled arrays until disposed.
/// </summary>
internal readonly struct SortedObjectMembers : IDisposable
{
    private readonly ObjectMember[] _members;
    private readonly byte[] _names;
    private readonly int _count;

    /// <summary>Initializes a new instance of the <see cref="SortedObjectMembers"/> struct.</summary>
    /// <param name="obj">A JSON object.</param>
    /// <param name="excludedKeys">Keys to leave out, or <see langword="null"/>.</param>
    /// <exception cref="JsonException">The object has a key more than once, or a key is not valid Unicode.</exception>
    public SortedObjectMembers(JsonElement obj, IReadOnlySet<string>? excludedKeys)
    {
        _members = ArrayPool<ObjectMember>.Shared.Rent(obj.GetPropertyCount());
        _names = ArrayPool<byte>.Shared.Rent(TotalRawNameLength(obj));
        try
        {
            // Names are unescaped once, into one buffer, so that sorting compares plain UTF-8.
            int namesLength = 0;
            foreach (JsonProperty property in obj.EnumerateObject())
            {
                int nameLength = CanonicalStringWriter.Unescape(JsonMarshal.GetRawUtf8PropertyName(property), _names.AsSpan(namesLength));
                _members[_count++] = new ObjectMember(_names, namesLength, nameLength, property.Value);
                namesLength += nameLength;
            }

            Span<ObjectMember> sorted = _members.AsSpan(0, _count);
            sorted.Sort();
            EnsureUniqueNames(sorted);
            if (excludedKeys is { Count: > 0 })
            {
                _count = RemoveExcluded(sorted, excludedKeys);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public ReadOnlySpan<ObjectMember> Members => _members.AsSpan(0, _count);

    public void Dispose()
    {
        ArrayPool<ObjectMember>.Shared.Return(_members, clearArray: true);
        ArrayPool<byte>.Shared.Return(_names);
    }

    private static int TotalRawNameLength(JsonElement obj)
    {
        int total = 0;
        foreach (JsonProperty property in obj.EnumerateObject())
        {
            total += JsonMarshal.GetRawUtf8PropertyName(property).Length;
        }

        return total;
    }

    private static void EnsureUniqueNames(ReadOnlySpan<ObjectMember> sorted)
    {
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Name.SequenceEqual(sorted[i - 1].Name))
            {
                // RFC 8785 §3.1 requires I-JSON (RFC 7493), which forbids duplicate names.
                throw new JsonException($"The JSON object has the key \"{Encoding.UTF8.GetString(sorted[i].Name)}\" more than once.");
            }
        }
    }

    /// <summary>Removes the excluded keys from sorted members and returns how many members remain.</summary>
    private static int RemoveExcluded(Span<ObjectMember> sorted, IReadOnlySet<string> excludedKeys)
    {
        // Each excluded key is looked up in the sorted members rather than each member in the set,
        // so that no string is made per member: this runs once for every entity hashed.
        int count = sorted.Length;
        byte[] key = ArrayPool<byte>.Shared.Rent(256);
        try
        {
            foreach (string excluded in excludedKeys)
            {
                if (Encoding.UTF8.GetMaxByteCount(excluded.Length) > key.Length)
                {
                    ArrayPool<byte>.Shared.Return(key);
                    key = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(excluded.Length));
                }

                int keyLength = Encoding.UTF8.GetBytes(excluded, key);
                int index = sorted[..count].BinarySearch(new ObjectMember(key, 0, keyLength, default));
                if (index >= 0)
                {
                    sorted[(index + 1)..count].CopyTo(sorted[index..]);
                    count--;
                }
            }

            return count;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(key);
        }
    }
}
