using System.Text.Json.Nodes;

namespace Synchronizer.OpenStack.Tests;

/// <summary>Compares JSON documents by value, ignoring layout and property order.</summary>
internal static class JsonAssert
{
    public static void Equal(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"Expected {expected}\nActual   {actual}");
}
