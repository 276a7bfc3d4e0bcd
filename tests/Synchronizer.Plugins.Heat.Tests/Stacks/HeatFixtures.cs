using System.Text.Json;
using Synchronizer.Plugins.Testing;

namespace Synchronizer.Plugins.Heat.Tests.Stacks;

/// <summary>A stub Heat serving the recorded pages: two stacks over three pages of one (the last empty).</summary>
internal static class HeatFixtures
{
    public const string FirstId = "7ab46db2-b648-49e8-81e9-63d064d68822";
    public const string SecondId = "3095aefc-09fb-4bc7-b1f0-f21a304e864c";

    private static readonly string[] Pages = ["stacks.page1.json", "stacks.page2.json", "stacks.page3-empty.json"];

    public static FixtureOpenStackClient Client() => new FixtureOpenStackClient()
        .On(FilteredById)
        .OnPage("orchestration", "/stacks", FixtureFiles.Read(Pages[0]))
        .OnPage("orchestration", "/stacks", FixtureFiles.Read(Pages[1]), marker: FirstId)
        .OnPage("orchestration", "/stacks", FixtureFiles.Read(Pages[2]), marker: SecondId);

    public static FixtureOpenStackClient Empty() => new FixtureOpenStackClient()
        .OnPage("orchestration", "/stacks", FixtureFiles.Read(Pages[2]));

    // Heat's list filters on "id" (api-ref: "Filters the stack list by a stack ID").
    private static FixtureResponse? FilteredById(OpenStack.OpenStackRequest request)
    {
        if (request.Path != "/stacks" || FixtureOpenStackClient.QueryValue(request, "id") is not { } id)
        {
            return null;
        }

        // Past the marker (the one match itself) nothing is left.
        if (FixtureOpenStackClient.QueryValue(request, "marker") is not null)
        {
            return FixtureResponse.Ok(FixtureFiles.Read(Pages[2]));
        }

        var matches = Pages
            .SelectMany(page => JsonDocument.Parse(FixtureFiles.Read(page)).RootElement.GetProperty("stacks").EnumerateArray())
            .Where(stack => stack.GetProperty("id").GetString() == id)
            .Select(stack => stack.GetRawText());
        return FixtureResponse.Ok($"{{\"stacks\": [{string.Join(", ", matches)}]}}");
    }
}
