using Microsoft.AspNetCore.Http;

namespace SocialValue.Api.Web;

/// <summary>
/// A form that was refused, shown again as it was filled in: <see cref="Key"/> names which form of the page it was,
/// <see cref="Errors"/> are the refusal's messages by field (the REST API's field names), <see cref="Message"/> a
/// refusal that belongs to no field.
/// </summary>
public sealed record PostedForm(string Key, IFormCollection Values, IReadOnlyDictionary<string, string[]> Errors, string? Message = null)
{
    public string Value(string field) => Values[field].ToString();

    public IReadOnlyList<string> ErrorsOf(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    /// <summary>The messages of fields the form shows no input for, which are shown above it.</summary>
    public IEnumerable<string> Unplaced(IReadOnlySet<string> placed) =>
        Errors.Where(e => !placed.Contains(e.Key)).SelectMany(e => e.Value).Concat(Message is null ? [] : [Message]);
}
