using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace SocialValue.Silo.Database;

/// <summary>
/// Stores grain state as plain JSON written by System.Text.Json: camelCase property names, enums by name, and no
/// type names, so renaming or moving a state class never orphans stored data and the rows read well in a SQL shell.
/// </summary>
public sealed class JsonGrainStorageSerializer : IGrainStorageSerializer
{
    /// <summary>The options every stored state is written and read with.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options)!;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
