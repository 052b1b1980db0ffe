using Microsoft.OpenApi;

namespace SocialValue.Api.OpenApi;

/// <summary>
/// API.md "Conventions" in the document: every read answers with an <c>ETag</c>; a write that changes a resource that
/// exists (or part of one) honours <c>If-Match</c>, may be 412, and answers with the resource's new <c>ETag</c>. Which
/// writes those are follows from the routes: a write on a path with a parameter, or on a singleton (a path whose GET
/// answers one object, such as a formula); not a POST creating in a collection, nor a computation that stores nothing
/// (<c>check</c>, <c>try</c>, <c>evaluate</c>). A DELETE answers with a tag only when its resource stays readable (a
/// revoked key): a withdrawn nomination has no version left to give.
/// </summary>
internal static class VersionHeaders
{
    private static readonly string[] Computations = ["/check", "/try", "/evaluate"];

    public static void Declare(OpenApiDocument document)
    {
        foreach (var (path, item) in document.Paths.Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var operations = item.Operations ?? [];
            var get = operations.GetValueOrDefault(HttpMethod.Get);
            if (get is not null)
            {
                TagSuccess(get);
            }
            var versioned = path.Contains('{') || (get is not null && AnswersOneObject(get));
            if (!versioned || Computations.Any(c => path.EndsWith(c, StringComparison.Ordinal)))
            {
                continue;
            }
            foreach (var (method, operation) in operations.Where(o => o.Key != HttpMethod.Get))
            {
                DeclareIfMatch(operation, document);
                if (method != HttpMethod.Delete || get is not null)
                {
                    TagSuccess(operation);
                }
            }
        }
    }

    private static void DeclareIfMatch(OpenApiOperation operation, OpenApiDocument document)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match",
            In = ParameterLocation.Header,
            Required = false,
            Description = "Change only these versions (RFC 9110): `*`, or a comma-separated list of the `ETag`s this service gave, e.g. `\"7\"`.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        operation.Responses ??= [];
        operation.Responses.TryAdd("412", OperationTransformer.Problem("`If-Match` names a version that is no longer current.", document));
    }

    private static void TagSuccess(OpenApiOperation operation)
    {
        foreach (var (_, response) in (operation.Responses ?? []).Where(r => r.Key.StartsWith('2')))
        {
            if (response is OpenApiResponse concrete)
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["ETag"] = new OpenApiHeader
                {
                    Description = "The resource's version, for `If-None-Match` on a read and `If-Match` on a write.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }
    }

    private static bool AnswersOneObject(OpenApiOperation get) =>
        get.Responses is { } responses && responses.TryGetValue("200", out var ok)
        && ok.Content is { } content && content.TryGetValue("application/json", out var json)
        && json.Schema is { } schema && schema.Type?.HasFlag(JsonSchemaType.Array) != true;
}
