using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SocialValue.Api.OpenApi;

/// <summary>
/// Makes schemas say what the API accepts and answers: numbers are JSON numbers; a field that may be null may be left
/// out, unless it is <see cref="RequiredAttribute">[Required]</see>, which the service checks itself (a 422 naming it,
/// not a 400 from the JSON reader) and which is then never null; enums are strings; fields read as text but checked
/// against an enum (<see cref="OpenApiEnumAttribute"/>) list its names.
/// </summary>
internal sealed class SchemaTransformer : IOpenApiSchemaTransformer
{
    private const string NullablePropertyMark = "x-is-nullable-property";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        NumbersAreNumbers(schema);
        if (schema.Enum is { Count: > 0 } && schema.Type is null)
        {
            schema.Type = JsonSchemaType.String;
        }
        if (context.JsonPropertyInfo is { } required && Attribute<RequiredAttribute>(required) is not null)
        {
            schema.Type &= ~JsonSchemaType.Null;
            // The framework wraps a nullable property's reference in oneOf [null, $ref] when it sees this mark.
            schema.Metadata?.Remove(NullablePropertyMark);
        }
        if (context.JsonPropertyInfo is { } property && Attribute<OpenApiEnumAttribute>(property) is { } allowed)
        {
            schema.Type = JsonSchemaType.String | (schema.Type & JsonSchemaType.Null);
            schema.Pattern = null;
            schema.Enum = [.. allowed.Names.Select(name => (JsonNode)JsonValue.Create(name))];
        }
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 })
        {
            RequiredMeansPresent(schema, context.JsonTypeInfo);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The JSON options read numbers from strings too, which the schema exporter shows as <c>number | string</c> with a
    /// pattern; clients are to send numbers.
    /// </summary>
    private static void NumbersAreNumbers(OpenApiSchema schema)
    {
        if (schema.Type is { } type && (type & (JsonSchemaType.Number | JsonSchemaType.Integer)) != 0 && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
    }

    private static void RequiredMeansPresent(OpenApiSchema schema, JsonTypeInfo type)
    {
        var required = new HashSet<string>(schema.Required ?? new HashSet<string>());
        foreach (var property in type.Properties)
        {
            if (schema.Properties!.TryGetValue(property.Name, out var propertySchema) is false)
            {
                continue;
            }
            if (Attribute<RequiredAttribute>(property) is not null)
            {
                required.Add(property.Name);
                schema.Properties[property.Name] = NotNull(propertySchema);
            }
            else if (property.IsGetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null || IsNullable(propertySchema))
            {
                required.Remove(property.Name);
            }
        }
        schema.Required = required;
    }

    private static bool IsNullable(IOpenApiSchema schema) =>
        schema.Type?.HasFlag(JsonSchemaType.Null) == true || schema.OneOf?.Any(s => s.Type == JsonSchemaType.Null) == true;

    private static IOpenApiSchema NotNull(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchema { OneOf: { Count: 2 } oneOf } && oneOf.Count(s => s.Type == JsonSchemaType.Null) == 1)
        {
            return oneOf.Single(s => s.Type != JsonSchemaType.Null);
        }
        if (schema is OpenApiSchema { Type: { } type } inline)
        {
            inline.Type = type & ~JsonSchemaType.Null;
        }
        return schema;
    }

    private static T? Attribute<T>(JsonPropertyInfo property) where T : Attribute =>
        property.AttributeProvider?.GetCustomAttributes(typeof(T), inherit: true).OfType<T>().FirstOrDefault()
            ?? property.AssociatedParameter?.AttributeProvider?.GetCustomAttributes(typeof(T), inherit: true).OfType<T>().FirstOrDefault();
}

/// <summary>
/// A field the API reads as text and checks against <paramref name="type"/>'s names itself, so that a wrong one is a 422
/// naming the field; the document lists the names as the field's enum.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OpenApiEnumAttribute(Type type) : Attribute
{
    public IReadOnlyList<string> Names { get; } = Enum.GetNames(type);
}
