using System.Text.Json;

namespace SocialValue.Silo.Tests.OpenApi;

/// <summary>What the served document declares for the items of a resource's <c>history</c>.</summary>
internal static class HistorySchema
{
    private const string Components = "#/components/schemas/";

    /// <summary>The enum names declared for <paramref name="field"/> of <paramref name="resource"/>'s history items, which must require it.</summary>
    public static IReadOnlyList<string> Enum(JsonElement document, string resource, string field)
    {
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var history = Resolve(schemas, schemas.GetProperty(resource).GetProperty("properties").GetProperty("history"));
        var item = Resolve(schemas, history.GetProperty("items"));
        Assert.Contains(field, item.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var property = Resolve(schemas, item.GetProperty("properties").GetProperty(field));
        return [.. property.GetProperty("enum").EnumerateArray().Select(name => name.GetString()!)];
    }

    /// <summary>Each history entry as <c>trigger from to</c>, with its subject first when it has one.</summary>
    public static IReadOnlyList<string> Steps(JsonElement resource) =>
        [.. resource.GetProperty("history").EnumerateArray().Select(h =>
            (h.TryGetProperty("subject", out var subject) && subject.ValueKind == JsonValueKind.String ? subject.GetString() + " " : "")
            + $"{h.GetProperty("trigger").GetString()} {h.GetProperty("from").GetString()} {h.GetProperty("to").GetString()}")];

    private static JsonElement Resolve(JsonElement schemas, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } path && path.StartsWith(Components, StringComparison.Ordinal)
            ? Resolve(schemas, schemas.GetProperty(path[Components.Length..]))
            : schema;
}
