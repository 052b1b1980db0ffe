using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace SocialValue.Api.Errors;

/// <summary>
/// What was wrong with a request that could not be read, in the client's terms (API.md "Conventions"): the field as
/// a path into the body (<c>lines[0].quantity</c>), the line and position in the body, and the kind of value wanted
/// ("a number", "one of Vcfse, NhsProvider, …"). The framework's own messages name .NET types
/// (<c>System.Nullable`1[System.Decimal]</c>) and parameters; none of that reaches the client.
/// </summary>
public static partial class MalformedRequest
{
    private const int MaxValueShown = 100;
    private const string Unreadable = "The body is not JSON this route can read.";
    private static readonly ConcurrentDictionary<string, string> KindsOfTypeNames = new(StringComparer.Ordinal);

    /// <summary>The explanation of a request the framework refused to bind, and the field it concerns when there is one.</summary>
    public static (string Detail, string? Field) Explain(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            return Explain(json);
        }
        if (BindFailure().Match(bad.Message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            var value = bind.Groups["value"].Value;
            var shown = value.Length <= MaxValueShown ? value : $"{value[..MaxValueShown]}…";
            return ($"'{name}' must be {KindOf(bind.Groups["type"].Value)}, not '{shown}'.", name);
        }
        if (MissingParameter().Match(bad.Message) is { Success: true } missing)
        {
            var name = missing.Groups["name"].Value;
            return missing.Groups["source"].Value == "body"
                ? ("A JSON body is required.", null)
                : ($"'{name}' is required in the {missing.Groups["source"].Value}.", name);
        }
        if (bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal))
        {
            return ("A JSON body is required.", null);
        }
        return (MentionsTypes(bad.Message) ? "The request cannot be read." : bad.Message, null);
    }

    /// <summary>A body that is not JSON, or not of the shape the route reads: where, and what was expected there.</summary>
    public static (string Detail, string? Field) Explain(JsonException json)
    {
        var field = json.Path is null or "$" ? null : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path.TrimStart('$');
        var where = json.LineNumber is { } line
            ? $" (line {line + 1}, position {json.BytePositionInLine.GetValueOrDefault() + 1})"
            : "";
        string what;
        if (NotConvertible().Match(json.Message) is { Success: true } converting)
        {
            var kind = KindOf(converting.Groups["type"].Value);
            what = field is null ? $"The body must be {kind}." : $"'{field}' must be {kind}.";
        }
        else
        {
            // A syntax error: the reader's own sentence ("'}' is invalid after a property name. Expected a ':'.") without its coordinates.
            var sentence = json.Message.Split([" Path: ", " LineNumber: "], 2, StringSplitOptions.None)[0].Trim();
            what = sentence.Length == 0 || MentionsTypes(sentence) ? Unreadable : sentence;
            if (field is not null)
            {
                what = $"{what.TrimEnd('.')} at '{field}'.";
            }
        }
        return ($"{what}{where}", field);
    }

    /// <summary>The kind of JSON value a .NET type is read from, as a client would say it.</summary>
    private static string KindOf(string typeName) => KindsOfTypeNames.GetOrAdd(typeName, static name =>
    {
        var inner = Nullable().Match(name) is { Success: true } nullable ? nullable.Groups["inner"].Value : name;
        var simple = inner.Split('.', '+')[^1];
        return simple switch
        {
            "Decimal" or "Double" or "Single" or "decimal" or "double" or "float" => "a number",
            "Int32" or "Int64" or "Int16" or "Byte" or "int" or "long" or "short" => "a whole number",
            "Boolean" or "bool" => "true or false",
            "String" or "string" => "a string",
            "DateOnly" => "a date, YYYY-MM-DD",
            "DateTimeOffset" or "DateTime" => "a date and time, ISO 8601",
            "JsonElement" => "JSON",
            _ when IsCollection(inner) => inner.Contains("Dictionary", StringComparison.Ordinal) ? "an object" : "an array",
            _ => EnumNames(simple) is { } names ? $"one of {names}" : "an object",
        };
    });

    private static bool IsCollection(string typeName) =>
        typeName.EndsWith("[]", StringComparison.Ordinal) || typeName.Contains("List`1", StringComparison.Ordinal)
        || typeName.Contains("List<", StringComparison.Ordinal) || typeName.Contains("Dictionary", StringComparison.Ordinal)
        || typeName.Contains("Enumerable", StringComparison.Ordinal) || typeName.Contains("Collection", StringComparison.Ordinal);

    /// <summary>The names of the service's enum called <paramref name="simpleName"/>, or null when it is not one.</summary>
    private static string? EnumNames(string simpleName) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("SocialValue", StringComparison.Ordinal) == true)
            .SelectMany(a => a.GetExportedTypes())
            .FirstOrDefault(t => t.IsEnum && t.Name == simpleName) is { } type
            ? string.Join(", ", Enum.GetNames(type))
            : null;

    private static bool MentionsTypes(string text) =>
        text.Contains("System.", StringComparison.Ordinal) || text.Contains("SocialValue.", StringComparison.Ordinal)
        || text.Contains('`') || text.Contains("Nullable<", StringComparison.Ordinal);

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.(\s|$)")]
    private static partial Regex NotConvertible();

    [GeneratedRegex(@"^System\.Nullable`1\[(?<inner>.+)\]$|^Nullable<(?<inner>.+)>$")]
    private static partial Regex Nullable();

    [GeneratedRegex(@"^Failed to bind parameter ""(?<type>.+) (?<name>[^ ""]+)"" from ""(?<value>.*)""\.$", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex(@"^Required parameter ""(?<type>.+) (?<name>[^ ""]+)"" was not provided from (?<source>.+?)\.$")]
    private static partial Regex MissingParameter();
}
