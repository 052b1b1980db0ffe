using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.OpenApi;

/// <summary>
/// API.md "The OpenAPI document", checked on the document a real Silo serves: Redocly's recommended rules find no error,
/// and clients generated from it (NSwag for C#, openapi-typescript for TypeScript) walk API.md's journey against the Silo
/// with no hand-written request and no cast, so a regression in the document fails here.
/// </summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestSilo _silo = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.Sqlite();
        _silo = await TestSilo.StartAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_served_document_has_no_error_under_redocly_recommended_rules()
    {
        var document = await SaveDocumentAsync(Path.Combine("generated", "lint.json"));

        var (exitCode, output) = await NodeTools.RunAsync("npx", ["--no-install", "redocly", "lint", "--config", "redocly.yaml", "--format", "summary", document]);

        Assert.True(exitCode == 0, $"Redocly found errors:\n{output}");
        Assert.DoesNotContain("error ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_operations_say_so_and_every_other_needs_the_bearer_key()
    {
        using var document = JsonDocument.Parse(await _silo.Client(null).GetStringAsync("/openapi/v1.json"));

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Route: $"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value)));
        var anonymous = operations.Where(o => o.Value.GetProperty("security").GetArrayLength() == 0).Select(o => o.Route);

        Assert.Equal(["GET /api/kitemark/register", "GET /health"], anonymous.Order(StringComparer.Ordinal));
        Assert.All(operations, o => Assert.True(o.Value.TryGetProperty("operationId", out _), $"{o.Route} has no operationId"));
    }

    [Theory]
    [InlineData("delete", "/api/keys/{id}", true)]
    [InlineData("post", "/api/formulas/bid-score", true)]
    [InlineData("put", "/api/maturity/overall-formula", true)]
    [InlineData("put", "/api/kitemark/nominations/{organisationId}", true)]
    [InlineData("delete", "/api/kitemark/nominations/{organisationId}", false)]
    [InlineData("put", "/api/organisations/{id}", true)]
    [InlineData("post", "/api/contracts/{id}/transitions", true)]
    [InlineData("post", "/api/contracts/{id}/bids", true)]
    public async Task Writes_that_honour_if_match_declare_it_with_412_and_the_etag_they_answer_with(string method, string path, bool tagged)
    {
        using var document = JsonDocument.Parse(await _silo.Client(null).GetStringAsync("/openapi/v1.json"));
        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);

        var ifMatch = Assert.Single(operation.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "If-Match");
        Assert.Equal("header", ifMatch.GetProperty("in").GetString());
        Assert.False(ifMatch.TryGetProperty("required", out var required) && required.GetBoolean());
        Assert.True(operation.GetProperty("responses").TryGetProperty("412", out _), $"{method} {path} declares no 412");
        var success = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
        Assert.NotEmpty(success);
        Assert.All(success, r => Assert.Equal(tagged, r.Value.TryGetProperty("headers", out var headers) && headers.TryGetProperty("ETag", out _)));
    }

    [Theory]
    [InlineData("post", "/api/organisations")]
    [InlineData("post", "/api/keys")]
    [InlineData("post", "/api/frameworks/{id}/measures/{measureId}/formula/try")]
    [InlineData("post", "/api/formulas/check")]
    public async Task Creations_and_computations_take_no_if_match(string method, string path)
    {
        using var document = JsonDocument.Parse(await _silo.Client(null).GetStringAsync("/openapi/v1.json"));
        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);

        var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        Assert.DoesNotContain(parameters, p => p.GetProperty("name").GetString() == "If-Match");
    }

    [Fact]
    public async Task Every_api_read_declares_the_etag_of_its_answer()
    {
        using var document = JsonDocument.Parse(await _silo.Client(null).GetStringAsync("/openapi/v1.json"));

        var reads = document.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal))
            .Where(p => p.Value.TryGetProperty("get", out _)).Select(p => (p.Name, Ok: p.Value.GetProperty("get").GetProperty("responses").GetProperty("200"))).ToList();

        Assert.True(reads.Count > 30, $"{reads.Count} reads");
        Assert.All(reads, r => Assert.True(r.Ok.TryGetProperty("headers", out var h) && h.TryGetProperty("ETag", out _), $"GET {r.Name} declares no ETag"));
    }

    [Fact]
    public async Task Numbers_are_numbers_and_the_required_fields_of_requests_are_never_null()
    {
        using var document = JsonDocument.Parse(await _silo.Client(null).GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject().ToList();

        var numbersOrStrings = Descendants(document.RootElement)
            .Where(e => e.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array
                && type.EnumerateArray().Select(t => t.GetString()).Intersect(["number", "integer"]).Any()
                && type.EnumerateArray().Any(t => t.GetString() == "string"));
        var nullableRequired = schemas.Where(s => s.Name.EndsWith("Request", StringComparison.Ordinal) && s.Value.TryGetProperty("required", out _))
            .SelectMany(s => s.Value.GetProperty("required").EnumerateArray()
                .Select(name => (Field: $"{s.Name}.{name.GetString()}", Schema: s.Value.GetProperty("properties").GetProperty(name.GetString()!))))
            .Where(p => p.Schema.GetRawText().Contains("\"null\"", StringComparison.Ordinal))
            .Select(p => p.Field);

        Assert.Empty(numbersOrStrings);
        Assert.Empty(nullableRequired);
        Assert.Contains(schemas, s => s.Name == "SchemeThemeResponse");
    }

    [Fact]
    public async Task A_csharp_client_generated_with_nswag_walks_the_journey()
    {
        var document = await NSwag.OpenApiDocument.FromJsonAsync(await _silo.Client(null).GetStringAsync("/openapi/v1.json"));
        var client = new CSharpClientGenerator(document, new CSharpClientGeneratorSettings
        {
            ClassName = "SocialValueClient",
            UseBaseUrl = false,
            // Optional query parameters (a list's limit and cursor) are optional in C# too.
            GenerateOptionalParameters = true,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            CSharpGeneratorSettings =
            {
                Namespace = "SocialValue.Generated",
                GenerateNullableReferenceTypes = true,
            },
        }).GenerateFile();
        var journey = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "OpenApi", "ClientJourney", "Journey.cs"));

        var run = Compile(client, journey).GetType("Journey")!.GetMethod("RunAsync")!;
        var outcome = await (Task<string>)run.Invoke(null, [_silo.Address, TestSilo.AdminKey])!;

        Assert.Equal("contract Live, application Awarded", outcome);
    }

    [Fact]
    public async Task A_typescript_client_generated_with_openapi_typescript_type_checks_strictly_and_walks_the_journey()
    {
        var document = await SaveDocumentAsync(Path.Combine("generated", "openapi.json"));
        await NodeTools.RunToolAsync("openapi-typescript", document, "--output", Path.Combine("generated", "api.d.ts"));
        await NodeTools.RunToolAsync("tsc", "-p", "tsconfig.json");

        var (exitCode, output) = await NodeTools.RunAsync("node", [Path.Combine("build", "journey.js")], new Dictionary<string, string>
        {
            ["SV_BASE_URL"] = _silo.Address.ToString().TrimEnd('/'),
            ["SV_ADMIN_KEY"] = TestSilo.AdminKey,
        });

        Assert.True(exitCode == 0, $"The TypeScript journey failed:\n{output}");
        Assert.Contains("journey done: contract Live, application Awarded", output);
    }

    private async Task<string> SaveDocumentAsync(string relativePath)
    {
        var response = await _silo.Client(null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = Path.Combine(NodeTools.Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, await response.Content.ReadAsStringAsync());
        return path;
    }

    private static IEnumerable<JsonElement> Descendants(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Descendants(p.Value)).Prepend(element),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Descendants),
        _ => [],
    };

    /// <summary>Compiles the generated client with the journey against the framework's assemblies; fails on any compiler error.</summary>
    private static Assembly Compile(params string[] sources)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "GeneratedClientJourney",
            sources.Select(source => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
        Assert.True(emitted.Success, $"The generated client and the journey do not compile:\n{string.Join('\n', errors)}");
        image.Position = 0;
        return new AssemblyLoadContext("GeneratedClientJourney", isCollectible: true).LoadFromStream(image);
    }
}
