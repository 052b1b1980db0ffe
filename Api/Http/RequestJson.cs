using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SocialValue.Api.Http;

/// <summary>
/// How every request body is read, beyond what System.Text.Json checks by itself: a property given twice is refused
/// (which one would count is anyone's guess), and so is <c>null</c> inside a list or as a dictionary's value
/// (<c>"commitments": [null]</c>), which no request means and no handler should have to expect. Either is a 400 that
/// names the place (see <see cref="BodyRefusedException"/>).
/// </summary>
public static class RequestJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.AllowDuplicateProperties = false;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RefuseNullElements);
    }

    private static void RefuseNullElements(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        var collections = type.Properties.Where(p => p.Get is not null && MayHoldNull(p.PropertyType)).ToList();
        if (collections.Count == 0)
        {
            return;
        }
        var earlier = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            earlier?.Invoke(value);
            foreach (var property in collections)
            {
                EnsureNoNull(property.Name, property.Get!(value));
            }
        };
    }

    private static void EnsureNoNull(string name, object? collection)
    {
        switch (collection)
        {
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (entry.Value is null)
                    {
                        throw new BodyRefusedException($"'{name}' gives null for '{entry.Key}'; leave the entry out instead.");
                    }
                }
                break;
            case IEnumerable items:
                var position = 0;
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        throw new BodyRefusedException($"'{name}' has null at index {position}; a list holds no nulls.");
                    }
                    position++;
                }
                break;
        }
    }

    /// <summary>Whether the type is a list or dictionary whose elements (or values) could be null.</summary>
    private static bool MayHoldNull(Type type)
    {
        if (type == typeof(string))
        {
            return false;
        }
        var interfaces = type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces();
        var generic = interfaces.Where(i => i.IsGenericType).Select(i => (Definition: i.GetGenericTypeDefinition(), Arguments: i.GetGenericArguments())).ToList();
        if (generic.FirstOrDefault(i => i.Definition == typeof(IDictionary<,>) || i.Definition == typeof(IReadOnlyDictionary<,>)) is { Arguments: { } pair })
        {
            return CanBeNull(pair[1]);
        }
        return generic.FirstOrDefault(i => i.Definition == typeof(IEnumerable<>)) is { Arguments: { } element } && CanBeNull(element[0]);
    }

    private static bool CanBeNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;
}

/// <summary>A body that is JSON but not one this service reads; the message says what, in the client's terms.</summary>
public sealed class BodyRefusedException(string message) : JsonException(message);
