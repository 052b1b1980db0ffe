using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SocialValue.Api.OpenApi;

/// <summary>
/// The conventions every operation follows (API.md "Conventions"), written once here rather than on each endpoint:
/// the handler's name as <c>operationId</c>, every route parameter declared, the bearer key or <c>security: []</c> for
/// anonymous routes, text bodies as text or documents, and the problem responses that apply to the operation's shape.
/// </summary>
internal sealed partial class OperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        // A named handler method is the operation; lambdas (compiler names contain '<') are named with WithName.
        operation.OperationId ??= metadata.OfType<MethodInfo>().Select(m => m.Name).FirstOrDefault(name => !name.Contains('<'));
        DeclarePathParameters(operation, description.RelativePath ?? "");
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        operation.Security = anonymous
            ? []
            : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(DocumentTransformer.SecurityScheme, context.Document)] = [] }];
        DescribeTextBodies(operation);
        AddProblems(operation, description.HttpMethod ?? "GET", anonymous, context.Document);
        return Task.CompletedTask;
    }

    /// <summary>Route parameters a handler reads from the route values itself (the workflow routes) are declared all the same.</summary>
    private static void DeclarePathParameters(OpenApiOperation operation, string route)
    {
        operation.Parameters ??= [];
        foreach (var name in RouteParameter().Matches(route).Select(m => m.Groups["name"].Value))
        {
            if (!operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == name))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Path,
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }
    }

    /// <summary>
    /// Mermaid (<c>text/plain</c>) is a string; HTML and CSV are documents to save or print, described as binary so that
    /// generated clients hand them over as they came (NSwag as a stream, not parsed as JSON; CSV sent as is, not quoted).
    /// </summary>
    private static void DescribeTextBodies(OpenApiOperation operation)
    {
        var contents = (operation.Responses ?? []).Select(r => r.Value.Content).Append(operation.RequestBody?.Content);
        foreach (var content in contents.OfType<IDictionary<string, OpenApiMediaType>>())
        {
            foreach (var (type, media) in content.Where(c => c.Key.StartsWith("text/", StringComparison.Ordinal)))
            {
                media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = type == "text/plain" ? null : "binary" };
            }
        }
    }

    private static void AddProblems(OpenApiOperation operation, string method, bool anonymous, OpenApiDocument? document)
    {
        operation.Responses ??= [];
        foreach (var (status, meaning) in Problems(operation, method, anonymous))
        {
            operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), Problem(meaning, document));
        }
    }

    /// <summary>A problem response: the one problem-details schema, with what the status means for this operation.</summary>
    public static OpenApiResponse Problem(string meaning, OpenApiDocument? document) => new()
    {
        Description = meaning,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(DocumentTransformer.ProblemSchema, document) },
        },
    };

    /// <summary>Which of API.md's error statuses an operation can answer, from its shape.</summary>
    private static IEnumerable<(int Status, string Meaning)> Problems(OpenApiOperation operation, string method, bool anonymous)
    {
        var parameters = operation.Parameters ?? [];
        var hasBody = operation.RequestBody is not null;
        var hasQuery = parameters.Any(p => p.In == ParameterLocation.Query);
        var onResource = parameters.Any(p => p.In == ParameterLocation.Path);
        var writes = !HttpMethods.IsGet(method);
        if (hasBody || hasQuery)
        {
            yield return (400, "Malformed request: the body is not the JSON described, or a value has the wrong type.");
        }
        if (!anonymous)
        {
            yield return (401, "No API key, or one the service does not know.");
            yield return (403, "The key's role or organisation is not allowed this.");
        }
        if (onResource)
        {
            yield return (404, "No such resource.");
        }
        if (writes)
        {
            yield return (409, "Not permitted now: the id exists, the transition is blocked (`reasons`), or a concurrent write won.");
        }
        if (hasBody)
        {
            yield return (413, "The body is larger than the service accepts.");
            yield return (415, "The body is not of the media type described.");
        }
        if (hasBody || hasQuery)
        {
            yield return (422, "Validation failed: `errors` per field, or formula `diagnostics`.");
        }
    }

    [GeneratedRegex(@"\{(?<name>[^}:?*=]+)")]
    private static partial Regex RouteParameter();
}
