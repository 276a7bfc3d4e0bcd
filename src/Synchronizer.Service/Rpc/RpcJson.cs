using System.Text.Json;
using Synchronizer.Core.State;

namespace Synchronizer.Service.Rpc;

/// <summary>JSON shapes shared by the RPC results.</summary>
internal static class RpcJson
{
    /// <summary>Writes <c>{"id","revision","hash","entity"}</c>.</summary>
    public static void WriteEntity(Utf8JsonWriter json, StoredEntity entity)
    {
        json.WriteStartObject();
        json.WriteString("id", entity.Id);
        json.WriteNumber("revision", entity.Revision);
        json.WriteString("hash", entity.Hash.ToString());
        json.WritePropertyName("entity");
        json.WriteRawValue(entity.Json.Span, skipInputValidation: true);
        json.WriteEndObject();
    }

    public static void WriteNullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
