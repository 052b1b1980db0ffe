using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialValue.ReferenceData;

/// <summary>
/// Reads the reference data built from the seeds (the <c>Data/*.json</c> files embedded beside each loader)
/// strictly: an unknown or missing member is an error, so a typo in the data cannot pass silently.
/// </summary>
internal static class EmbeddedJson
{
    public static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The text of <c>{namespace of <paramref name="loader"/>}.Data.{fileName}</c>.</summary>
    public static string Read(Type loader, string fileName)
    {
        var name = $"{loader.Namespace}.Data.{fileName}";
        using var stream = loader.Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"{fileName}: the embedded resource '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
