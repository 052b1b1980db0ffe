using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using SocialValue.Api.Http;

namespace SocialValue.Api.Errors;

/// <summary>
/// What was wrong with a request that could not be read, in the client's terms (API.md "Conventions"): the field as
/// a path into the body (<c>lines[0].quantity</c>), the line and position in the body, and the kind of value wanted
/// ("a number", "one of Vcfse, NhsProvider, …"). The framework's own messages name .NET types
/// (<c>System.Nullable`1[System.Decimal]</c>, the request record) and parameters; none of that reaches the client.
/// The kind is found by following the field's path through the route's declared body or parameter type.
/// </summary>
public static partial class MalformedRequest
{
    private const int MaxValueShown = 100;
    private const string Unreadable = "The body is not JSON this route can read.";

    /// <summary>The explanation of a request <paramref name="endpoint"/> could not bind, and the field it concerns when there is one.</summary>
    public static (string Detail, string? Field) Explain(BadHttpRequestException bad, Endpoint? endpoint)
    {
        if (bad.InnerException is JsonException json)
        {
            return Explain(json, endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType);
        }
        if (BindFailure().Match(bad.Message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            var value = bind.Groups["value"].Value;
            var shown = value.Length <= MaxValueShown ? value : $"{value[..MaxValueShown]}…";
            return ($"'{name}' must be {KindOf(ParameterType(endpoint, name))}, not '{shown}'.", name);
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

    /// <summary>
    /// A body that is not JSON, or not of the shape <paramref name="body"/> (the route's body type, when known) reads:
    /// where, and what was expected there.
    /// </summary>
    public static (string Detail, string? Field) Explain(JsonException json, Type? body)
    {
        var field = json.Path is null or "$" ? null : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path[1..];
        var where = json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine.GetValueOrDefault() + 1})" : "";
        string what;
        if (json is BodyRefusedException refused)
        {
            // A body this service refused (a property given twice, null in a list, text that is not Unicode) says why itself.
            what = refused.Message;
        }
        else if (json.InnerException is InvalidOperationException { Message: var inner } && inner.Contains("UTF", StringComparison.Ordinal))
        {
            // Text that is not Unicode (invalid UTF-8, an unpaired surrogate) is a string, just not one that can be read.
            what = field is null ? "The body holds text that is not valid Unicode." : $"'{field}' is not valid Unicode text (invalid UTF-8 or an unpaired surrogate).";
        }
        else if (json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            var kind = KindOf(TypeAt(body, json.Path ?? "$"));
            what = field is null ? $"The body must be {kind}." : $"'{field}' must be {kind}.";
        }
        else
        {
            // A syntax error: the reader's own sentence ("'}' is an invalid start of a value.") without its coordinates.
            var sentence = json.Message.Split([" Path: ", " LineNumber: "], 2, StringSplitOptions.None)[0].Trim();
            what = sentence.Length == 0 || MentionsTypes(sentence) ? Unreadable : sentence;
            if (field is not null)
            {
                what = $"{what.TrimEnd('.')}, at '{field}'.";
            }
        }
        return ($"{what}{where}", field);
    }

    /// <summary>The type a JSON path (<c>$.lines[0].inputs.hours</c>) reaches from <paramref name="root"/>, or null when it cannot be followed.</summary>
    private static Type? TypeAt(Type? root, string path)
    {
        var type = root;
        foreach (Match step in PathStep().Matches(path))
        {
            if (type is null)
            {
                return null;
            }
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (step.Groups["index"].Success)
            {
                type = ElementType(type);
            }
            else if (DictionaryValueType(type) is { } values)
            {
                type = values;
            }
            else
            {
                type = type.GetProperty(step.Groups["name"].Value, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            }
        }
        return type;
    }

    /// <summary>The kind of JSON value a type is read from, as a client would say it.</summary>
    private static string KindOf(Type? type)
    {
        if (type is null)
        {
            return "a value of another kind";
        }
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return $"one of {string.Join(", ", Enum.GetNames(type))}";
        }
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Decimal or TypeCode.Double or TypeCode.Single => "a number",
            TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.Byte or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 => "a whole number",
            TypeCode.Boolean => "true or false",
            TypeCode.String => "a string",
            TypeCode.DateTime => "a date and time, ISO 8601",
            _ when type == typeof(DateOnly) => "a date, YYYY-MM-DD",
            _ when type == typeof(DateTimeOffset) => "a date and time, ISO 8601",
            _ when type == typeof(JsonElement) => "JSON",
            _ when DictionaryValueType(type) is not null => "an object",
            _ when ElementType(type) is not null => "an array",
            _ => "an object",
        };
    }

    private static Type? ParameterType(Endpoint? endpoint, string name) =>
        endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters().FirstOrDefault(p => p.Name == name)?.ParameterType;

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type == typeof(string) ? null
        : EnumerableOf(type, typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? DictionaryValueType(Type type) =>
        (EnumerableOf(type, typeof(IReadOnlyDictionary<,>)) ?? EnumerableOf(type, typeof(IDictionary<,>)))?.GetGenericArguments()[1];

    private static Type? EnumerableOf(Type type, Type generic) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == generic
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic);

    private static bool MentionsTypes(string text) =>
        text.Contains("System.", StringComparison.Ordinal) || text.Contains("SocialValue.", StringComparison.Ordinal)
        || text.Contains('`') || text.Contains("Nullable<", StringComparison.Ordinal);

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<name>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();

    [GeneratedRegex(@"^Failed to bind parameter ""(?<type>.+) (?<name>[^ ""]+)"" from ""(?<value>.*)""\.$", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex(@"^Required parameter ""(?<type>.+) (?<name>[^ ""]+)"" was not provided from (?<source>.+?)\.$")]
    private static partial Regex MissingParameter();
}
