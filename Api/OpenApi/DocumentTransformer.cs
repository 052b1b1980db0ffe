using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SocialValue.Api.OpenApi;

/// <summary>
/// What the document says once, for every operation: who the API is for, the bearer API key, the tags' meanings and the
/// one problem-details schema every error response refers to (API.md "The OpenAPI document").
/// </summary>
internal sealed class DocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SecurityScheme = "ApiKey";
    public const string ProblemSchema = "ProblemDetails";

    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Organisations"] = "Councils, NHS bodies and their partners, and the TOMs framework each adopts.",
        ["Maturity"] = "The Social Value Maturity Index: assessment, the action plan and each dimension's level as a workflow.",
        ["Frameworks"] = "Themes, Outcomes and Measures (TOMs), proxy values and measure formulas compiled with Roslyn.",
        ["Contracts"] = "The commissioning cycle: specification, tender, bids, award, quarterly returns and social value delivered.",
        ["Kite Mark"] = "The Social Value Award: schemes, nominations, applications with evidence, and the public register.",
        ["Reports"] = "An organisation's annual social value report.",
        ["Keys"] = "API keys and their roles (Admin).",
        ["Service"] = "Health of the service.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "SocialValue API",
            Version = "v1",
            Description = "Social value end to end for UK councils, NHS bodies and their partners: the maturity index, the "
                + "commissioning cycle with TOMs, the Social Value Award (Kite Mark) and measure formulas. Errors are RFC 9457 "
                + "problem details; every resource GET carries an `ETag` and writes honour `If-Match`.",
        };
        // Redocly's no-server-trailing-slash: the server the document is served from, without the slash the framework leaves.
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecurityScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key: `Authorization: Bearer sv_…`. `POST /api/keys` (Admin) issues one.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();
        VersionHeaders.Declare(document);
        return Task.CompletedTask;
    }

    /// <summary>RFC 9457 with the members API.md adds: <c>errors</c> per field, <c>reasons</c> of a refused transition, formula <c>diagnostics</c>.</summary>
    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details (`application/problem+json`).",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI that names the kind of problem."),
            ["title"] = Text("A short summary of the kind of problem."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = Text("What went wrong with this request, in the client's terms."),
            ["instance"] = Text("The request that failed."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "422: the problems of each field, by field name (`lines[0].quantity`).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text(null) },
            },
            ["reasons"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = Text(null),
                Description = "409: why the transition is not permitted now, as sentences.",
            },
            ["trigger"] = Text("409: the trigger that was refused."),
            ["state"] = Text("409: the state the resource is in."),
            ["diagnostics"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "422: why a formula was rejected, located like compiler errors.",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "line", "column", "message" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["line"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "1-based line in the formula's source." },
                        ["column"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "1-based column in that line." },
                        ["message"] = Text("What is wrong there."),
                    },
                },
            },
        },
        Examples =
        [
            new JsonObject
            {
                ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
                ["title"] = "Validation failed",
                ["status"] = 422,
                ["detail"] = "One or more fields are invalid.",
                ["errors"] = new JsonObject { ["name"] = new JsonArray("'name' is required.") },
            },
        ],
    };

    private static OpenApiSchema Text(string? description) => new() { Type = JsonSchemaType.String, Description = description };
}
