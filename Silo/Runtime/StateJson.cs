using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialValue.Silo.Runtime;

/// <summary>How grain state is written to storage: camelCase JSON with enums by name, readable in the database.</summary>
internal static class StateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
