using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Synchronizer.Core.Hashing;

/// <summary>
/// XXH3 64-bit with seed 0 and the default secret: the hash of the contract's <c>xxh3-64:</c> tokens.
/// </summary>
/// <remarks>
/// Written from the xxHash reference implementation (xxhash.h, BSD-2-Clause, Copyright (c) Yann Collet,
/// https://github.com/Cyan4973/xxHash). The output equals <c>XXH3_64bits</c>, <c>xxhsum -H3</c> and
/// System.IO.Hashing's <c>XxHash3.HashToUInt64</c>, so that package can replace this class unchanged.
/// The reference's seed terms are left out, as they vanish with seed 0.
/// </remarks>
public static class Xxh3
{
    private const ulong Prime32_1 = 0x9E3779B1;
    private const ulong Prime32_2 = 0x85EBCA77;
    private const ulong Prime32_3 = 0xC2B2AE3D;
    private const ulong Prime64_1 = 0x9E3779B185EBCA87;
    private const ulong Prime64_2 = 0xC2B2AE3D27D4EB4F;
    private const ulong Prime64_3 = 0x165667B19E3779F9;
    private const ulong Prime64_4 = 0x85EBCA77C2B2AE63;
    private const ulong Prime64_5 = 0x27D4EB2F165667C5;
    private const ulong PrimeMx1 = 0x165667919E3779F9;
    private const ulong PrimeMx2 = 0x9FB21C651E98DF25;

    private const int StripeLength = 64;
    private const int SecretConsumeRate = 8;
    private const int StripesPerBlock = (SecretLength - StripeLength) / SecretConsumeRate;
    private const int BlockLength = StripeLength * StripesPerBlock;
    private const int SecretLength = 192;
    private const int MidSizeMax = 240;
    private const int SecretLastStripeStart = 7;
    private const int SecretMergeStart = 11;

    /// <summary>Gets the default 192-byte secret (<c>XXH3_kSecret</c>).</summary>
    private static ReadOnlySpan<byte> Secret =>
    [
        0xb8, 0xfe, 0x6c, 0x39, 0x23, 0xa4, 0x4b, 0xbe, 0x7c, 0x01, 0x81, 0x2c, 0xf7, 0x21, 0xad, 0x1c,
        0xde, 0xd4, 0x6d, 0xe9, 0x83, 0x90, 0x97, 0xdb, 0x72, 0x40, 0xa4, 0xa4, 0xb7, 0xb3, 0x67, 0x1f,
        0xcb, 0x79, 0xe6, 0x4e, 0xcc, 0xc0, 0xe5, 0x78, 0x82, 0x5a, 0xd0, 0x7d, 0xcc, 0xff, 0x72, 0x21,
        0xb8, 0x08, 0x46, 0x74, 0xf7, 0x43, 0x24, 0x8e, 0xe0, 0x35, 0x90, 0xe6, 0x81, 0x3a, 0x26, 0x4c,
        0x3c, 0x28, 0x52, 0xbb, 0x91, 0xc3, 0x00, 0xcb, 0x88, 0xd0, 0x65, 0x8b, 0x1b, 0x53, 0x2e, 0xa3,
        0x71, 0x64, 0x48, 0x97, 0xa2, 0x0d, 0xf9, 0x4e, 0x38, 0x19, 0xef, 0x46, 0xa9, 0xde, 0xac, 0xd8,
        0xa8, 0xfa, 0x76, 0x3f, 0xe3, 0x9c, 0x34, 0x3f, 0xf9, 0xdc, 0xbb, 0xc7, 0xc7, 0x0b, 0x4f, 0x1d,
        0x8a, 0x51, 0xe0, 0x4b, 0xcd, 0xb4, 0x59, 0x31, 0xc8, 0x9f, 0x7e, 0xc9, 0xd9, 0x78, 0x73, 0x64,
        0xea, 0xc5, 0xac, 0x83, 0x34, 0xd3, 0xeb, 0xc3, 0xc5, 0x81, 0xa0, 0xff, 0xfa, 0x13, 0x63, 0xeb,
        0x17, 0x0d, 0xdd, 0x51, 0xb7, 0xf0, 0xda, 0x49, 0xd3, 0x16, 0x55, 0x26, 0x29, 0xd4, 0x68, 0x9e,
        0x2b, 0x16, 0xbe, 0x58, 0x7d, 0x47, 0xa1, 0xfc, 0x8f, 0xf8, 0xb8, 0xd1, 0x7a, 0xd0, 0x31, 0xce,
        0x45, 0xcb, 0x3a, 0x8f, 0x95, 0x16, 0x04, 0x28, 0xaf, 0xd7, 0xfb, 0xca, 0xbb, 0x4b, 0x40, 0x7e,
    ];

    /// <summary>Computes the XXH3 64-bit hash (seed 0) of <paramref name="data"/>.</summary>
    /// <param name="data">The bytes to hash.</param>
    /// <returns>The hash, as <c>XXH3_64bits</c> returns it.</returns>
    public static ulong Hash64(ReadOnlySpan<byte> data) => data.Length switch
    {
        0 => Avalanche64(Read64(Secret, 56) ^ Read64(Secret, 64)),
        <= 3 => Hash1To3(data),
        <= 8 => Hash4To8(data),
        <= 16 => Hash9To16(data),
        <= 128 => Hash17To128(data),
        <= MidSizeMax => Hash129To240(data),
        _ => HashLong(data),
    };

    private static ulong Hash1To3(ReadOnlySpan<byte> data)
    {
        uint combined = ((uint)data[0] << 16) | ((uint)data[data.Length >> 1] << 24) | data[^1] | ((uint)data.Length << 8);
        ulong bitFlip = Read32(Secret, 0) ^ Read32(Secret, 4);
        return Avalanche64(combined ^ bitFlip);
    }

    private static ulong Hash4To8(ReadOnlySpan<byte> data)
    {
        ulong input = Read32(data, data.Length - 4) + ((ulong)Read32(data, 0) << 32);
        ulong bitFlip = Read64(Secret, 8) ^ Read64(Secret, 16);
        return Rrmxmx(input ^ bitFlip, (ulong)data.Length);
    }

    private static ulong Hash9To16(ReadOnlySpan<byte> data)
    {
        ulong low = Read64(data, 0) ^ Read64(Secret, 24) ^ Read64(Secret, 32);
        ulong high = Read64(data, data.Length - 8) ^ Read64(Secret, 40) ^ Read64(Secret, 48);
        ulong acc = (ulong)data.Length + BinaryPrimitives.ReverseEndianness(low) + high + MultiplyFold(low, high);
        return Avalanche(acc);
    }

    private static ulong Hash17To128(ReadOnlySpan<byte> data)
    {
        int length = data.Length;
        ulong acc = (ulong)length * Prime64_1;

        // One pair of 16-byte blocks, one from each end, per started 32 bytes; the pairs may overlap.
        for (int i = 0; i <= (length - 1) / 32; i++)
        {
            acc += Mix16(data, 16 * i, 32 * i);
            acc += Mix16(data, length - (16 * (i + 1)), (32 * i) + 16);
        }

        return Avalanche(acc);
    }

    private static ulong Hash129To240(ReadOnlySpan<byte> data)
    {
        const int StartOffset = 3;
        const int LastOffset = 17;
        const int SecretSizeMin = 136;

        ulong acc = (ulong)data.Length * Prime64_1;
        for (int i = 0; i < 8; i++)
        {
            acc += Mix16(data, 16 * i, 16 * i);
        }

        acc = Avalanche(acc);
        int rounds = data.Length / 16;
        for (int i = 8; i < rounds; i++)
        {
            acc += Mix16(data, 16 * i, (16 * (i - 8)) + StartOffset);
        }

        acc += Mix16(data, data.Length - 16, SecretSizeMin - LastOffset);
        return Avalanche(acc);
    }

    private static ulong HashLong(ReadOnlySpan<byte> data)
    {
        Span<ulong> acc = [Prime32_3, Prime64_1, Prime64_2, Prime64_3, Prime64_4, Prime32_2, Prime64_5, Prime32_1];

        // The last byte always belongs to the final partial block, which ends with an overlapping stripe.
        int blocks = (data.Length - 1) / BlockLength;
        for (int block = 0; block < blocks; block++)
        {
            Accumulate(acc, data.Slice(block * BlockLength, BlockLength), StripesPerBlock);
            Scramble(acc, Secret[(SecretLength - StripeLength)..]);
        }

        int offset = blocks * BlockLength;
        Accumulate(acc, data[offset..], (data.Length - 1 - offset) / StripeLength);
        AccumulateStripe(acc, data[^StripeLength..], Secret.Slice(SecretLength - StripeLength - SecretLastStripeStart, StripeLength));

        ulong result = (ulong)data.Length * Prime64_1;
        for (int i = 0; i < 4; i++)
        {
            int secretOffset = SecretMergeStart + (16 * i);
            result += MultiplyFold(acc[2 * i] ^ Read64(Secret, secretOffset), acc[(2 * i) + 1] ^ Read64(Secret, secretOffset + 8));
        }

        return Avalanche(result);
    }

    private static void Accumulate(Span<ulong> acc, ReadOnlySpan<byte> data, int stripes)
    {
        for (int stripe = 0; stripe < stripes; stripe++)
        {
            AccumulateStripe(acc, data.Slice(stripe * StripeLength, StripeLength), Secret.Slice(stripe * SecretConsumeRate, StripeLength));
        }
    }

    private static void AccumulateStripe(Span<ulong> acc, ReadOnlySpan<byte> stripe, ReadOnlySpan<byte> secret)
    {
        // Reading ulong spans, and slicing acc to its known length, lets the JIT drop the per-lane
        // bounds checks and slices: twice the speed of Read64 here.
        ReadOnlySpan<ulong> values = MemoryMarshal.Cast<byte, ulong>(stripe[..StripeLength]);
        ReadOnlySpan<ulong> keys = MemoryMarshal.Cast<byte, ulong>(secret[..StripeLength]);
        acc = acc[..8];
        for (int lane = 0; lane < 8; lane++)
        {
            ulong value = LittleEndian(values[lane]);
            ulong key = value ^ LittleEndian(keys[lane]);
            acc[lane ^ 1] += value;
            acc[lane] += (key & 0xFFFFFFFF) * (key >> 32);
        }
    }

    private static void Scramble(Span<ulong> acc, ReadOnlySpan<byte> secret)
    {
        for (int lane = 0; lane < 8; lane++)
        {
            ulong value = acc[lane];
            value ^= value >> 47;
            value ^= Read64(secret, 8 * lane);
            acc[lane] = value * Prime32_1;
        }
    }

    private static ulong Mix16(ReadOnlySpan<byte> data, int dataOffset, int secretOffset) =>
        MultiplyFold(Read64(data, dataOffset) ^ Read64(Secret, secretOffset), Read64(data, dataOffset + 8) ^ Read64(Secret, secretOffset + 8));

    private static ulong MultiplyFold(ulong left, ulong right)
    {
        ulong high = Math.BigMul(left, right, out ulong low);
        return high ^ low;
    }

    private static ulong Avalanche64(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= Prime64_2;
        hash ^= hash >> 29;
        hash *= Prime64_3;
        return hash ^ (hash >> 32);
    }

    private static ulong Avalanche(ulong hash)
    {
        hash ^= hash >> 37;
        hash *= PrimeMx1;
        return hash ^ (hash >> 32);
    }

    private static ulong Rrmxmx(ulong hash, ulong length)
    {
        hash ^= BitOperations.RotateLeft(hash, 49) ^ BitOperations.RotateLeft(hash, 24);
        hash *= PrimeMx2;
        hash ^= (hash >> 35) + length;
        hash *= PrimeMx2;
        return hash ^ (hash >> 28);
    }

    private static ulong LittleEndian(ulong value) => BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);

    private static ulong Read64(ReadOnlySpan<byte> source, int offset) => BinaryPrimitives.ReadUInt64LittleEndian(source[offset..]);

    private static uint Read32(ReadOnlySpan<byte> source, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(source[offset..]);
}
