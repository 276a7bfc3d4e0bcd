using System.Text.Json.Serialization;

namespace Synchronizer.Service.AdminApi;

/// <summary>The admin API's JSON, snake_case as the contract writes it, generated at build time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(TypesResponse))]
[JsonSerializable(typeof(SyncResponse))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
