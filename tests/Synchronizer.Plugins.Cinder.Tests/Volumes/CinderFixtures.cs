using System.Text.Json;
using Synchronizer.Plugins.Testing;

namespace Synchronizer.Plugins.Cinder.Tests.Volumes;

/// <summary>A stub Cinder serving the recorded pages: four volumes over three pages, each also served by GET /volumes/{id}.</summary>
internal static class CinderFixtures
{
    public const string FirstId = "770432c6-c7cd-4347-8e57-0a5d47099c36";
    public const string Page2LinkMarker = "3b451d5d-9358-4a7e-a746-c6fd8b0e1462";

    public static readonly string[] Ids =
    [
        FirstId, "6edbc2f4-1507-44f8-ac0d-eed1d2608d38", "173f7b48-c4c1-4e70-9acc-086b39073506", "cb49b381-9012-40cb-b8ee-80c19a4801b5",
    ];

    private static readonly string[] Pages = ["volumes-detail.page1.json", "volumes-detail.page2.json", "volumes-detail.page3.json"];

    public static FixtureOpenStackClient Client(string serviceType = "volumev3") => new FixtureOpenStackClient()
        .On(r => Show(r, serviceType))
        .OnPage(serviceType, "/volumes/detail", FixtureFiles.Read(Pages[0]))
        .OnPage(serviceType, "/volumes/detail", FixtureFiles.Read(Pages[1]), marker: FirstId)
        .OnPage(serviceType, "/volumes/detail", FixtureFiles.Read(Pages[2]), marker: Page2LinkMarker);

    public static FixtureOpenStackClient Empty() => new FixtureOpenStackClient()
        .OnPage("volumev3", "/volumes/detail", FixtureFiles.Read("volumes-detail.empty.json"));

    // Cinder's show and detail share one view (cinder/api/v2/views/volumes.py, ViewBuilder.detail).
    private static FixtureResponse? Show(OpenStack.OpenStackRequest request, string serviceType)
    {
        if (request.ServiceType != serviceType || !request.Path.StartsWith("/volumes/", StringComparison.Ordinal) || request.Path == "/volumes/detail")
        {
            return null;
        }

        var id = request.Path["/volumes/".Length..];
        var volume = Pages
            .SelectMany(page => JsonDocument.Parse(FixtureFiles.Read(page)).RootElement.GetProperty("volumes").EnumerateArray())
            .Where(v => v.GetProperty("id").GetString() == id)
            .Select(v => v.GetRawText())
            .FirstOrDefault();
        return volume is null
            ? FixtureResponse.NotFound(FixtureFiles.Read("error.itemNotFound-404.json"))
            : FixtureResponse.Ok($"{{\"volume\": {volume}}}");
    }
}
