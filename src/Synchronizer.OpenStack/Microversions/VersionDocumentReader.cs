using System.Net;
using Polly.Timeout;

namespace Synchronizer.OpenStack.Microversions;

/// <summary>GETs a service's version document, trying the places keystoneauth tries.</summary>
internal sealed class VersionDocumentReader
{
    private readonly IHttpClientFactory _httpClientFactory;

    public VersionDocumentReader(IHttpClientFactory httpClientFactory) => _httpClientFactory = httpClientFactory;

    /// <returns>The declared range, or <see langword="null"/> when the document shows no microversions.</returns>
    /// <exception cref="OpenStackException">No candidate URL gave a version document, or one could not be reached.</exception>
    public async Task<MicroversionRange?> ReadAsync(string serviceType, Uri endpoint, string projectId, CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(OpenStackHttpClientNames.Services);
        var segment = VersionDocument.VersionSegment(endpoint);
        var candidates = VersionDocument.CandidateUrls(endpoint, projectId);
        var answers = new List<string>();
        foreach (var url in candidates)
        {
            // Version documents are public (no token), as keystoneauth reads them.
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new("application/json"));
            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);

                // A root document answers 300 Multiple Choices.
                var usable = response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.MultipleChoices;
                if (usable && VersionDocument.TryRead(body, segment, out var range))
                {
                    return range;
                }

                if ((int)response.StatusCode >= 500)
                {
                    throw new OpenStackApiException(response.StatusCode, $"{serviceType} version document {url} answered {(int)response.StatusCode}: {ErrorBodies.Describe(body)}");
                }

                answers.Add($"{url} answered {(int)response.StatusCode}{(usable ? " without a version document" : string.Empty)}");
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutRejectedException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new OpenStackException($"{serviceType} version document {url} could not be read: {ex.Message}", ex);
            }
        }

        throw new OpenStackException($"{serviceType} has no version document to negotiate a microversion with ({string.Join("; ", answers)}).");
    }
}
