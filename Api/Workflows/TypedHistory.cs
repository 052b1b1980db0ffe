using System.Collections.Frozen;
using SocialValue.Workflow;

namespace SocialValue.Api.Workflows;

/// <summary>
/// A stored history with its names typed as the enums the document declares (<see cref="Entries"/>), and the entries
/// whose trigger or state the enums do not declare (<see cref="Unrecognised"/>, none when every entry is typed).
/// </summary>
/// <remarks>
/// History is stored as text, so an entry written by another version of the service (a trigger added or renamed since)
/// may name what this one does not declare. Such an entry neither fails the read nor vanishes: the resource answers it as
/// stored, in its <c>unrecognisedHistory</c>.
/// </remarks>
public sealed record TypedHistory<T>(IReadOnlyList<T> Entries, IReadOnlyList<TransitionRecord>? Unrecognised);

public static class TypedHistory
{
    /// <summary>What a resource's <c>unrecognisedHistory</c> is, for the document.</summary>
    public const string UnrecognisedDescription =
        "History entries naming a trigger or state this version of the service does not declare (written by another version), "
        + "as stored; absent when there are none.";

    /// <summary>Types each entry of <paramref name="history"/> whose names <typeparamref name="TTrigger"/> and <typeparamref name="TState"/> declare.</summary>
    public static TypedHistory<T> Of<TState, TTrigger, T>(
        IEnumerable<TransitionRecord> history, Func<TransitionRecord, TTrigger, TState, TState, T> entry)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var entries = new List<T>();
        List<TransitionRecord>? unrecognised = null;
        foreach (var record in history)
        {
            if (Declared<TTrigger>.TryName(record.Trigger, out var trigger)
                && Declared<TState>.TryName(record.From, out var from)
                && Declared<TState>.TryName(record.To, out var to))
            {
                entries.Add(entry(record, trigger, from, to));
            }
            else
            {
                (unrecognised ??= []).Add(record);
            }
        }
        return new TypedHistory<T>(entries, unrecognised);
    }

    /// <summary>
    /// An enum's members by their exact names: <see cref="Enum.TryParse{TEnum}(string, out TEnum)"/> would also take a
    /// number ("7") or a list ("Open, Live") and answer a value the enum does not declare.
    /// </summary>
    private static class Declared<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToFrozenDictionary(value => value.ToString(), StringComparer.Ordinal);

        public static bool TryName(string name, out TEnum value) => ByName.TryGetValue(name, out value);
    }
}
