using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using SocialValue.Errors;
using SocialValue.Ids;
using SocialValue.Indexes;

namespace SocialValue.Api.Http;

/// <summary>
/// The query of a paged list (API.md "Lists are paged"): <c>?limit=</c>, 1 to 1000 entries (100 when absent), and
/// <c>?cursor=</c>, the opaque value of a previous page's <c>Link: &lt;…&gt;; rel="next"</c>. Either one out of bounds or
/// malformed is a 422 naming it.
/// </summary>
public sealed record PageQuery(string? Limit, string? Cursor)
{
    public const int DefaultLimit = 100;

    /// <summary>Where the page starts and how long it is; throws <see cref="ValidationException"/> when the query is wrong.</summary>
    public (IndexPosition? After, int Limit) Read()
    {
        var validation = new RequestValidation();
        var limit = DefaultLimit;
        if (Limit is not null && !(int.TryParse(Limit, out limit) && limit is >= 1 and <= IndexPaging.MaxLimit))
        {
            validation.Add("limit", $"'limit' is a whole number from 1 to {IndexPaging.MaxLimit}.");
        }
        var after = Cursor is null ? null : PageCursor.Read(Cursor);
        if (Cursor is not null && after is null)
        {
            validation.Add("cursor", "'cursor' is not one this service gave; start again without it.");
        }
        validation.ThrowIfInvalid();
        return (after, limit);
    }
}

/// <summary>
/// The cursor of a paged list: the position of the last entry of the page before, as base64url of its id, a line
/// feed and its sort key. Clients treat it as opaque.
/// </summary>
public static class PageCursor
{
    private const int MaxLength = 2048;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Write(IndexPosition position) => Base64Url.EncodeToString(StrictUtf8.GetBytes($"{position.Id}\n{position.SortKey}"));

    /// <summary>The position a cursor names, or null when it is not one <see cref="Write"/> makes.</summary>
    public static IndexPosition? Read(string cursor)
    {
        if (cursor.Length > MaxLength || !Base64Url.IsValid(cursor))
        {
            return null;
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        var separator = text.IndexOf('\n', StringComparison.Ordinal);
        return separator > 0 && Slug.IsValid(text[..separator]) ? new IndexPosition(text[(separator + 1)..], text[..separator]) : null;
    }

    /// <summary>
    /// The page's entries as the response body, and when another page follows, a <c>Link: &lt;…&gt;; rel="next"</c>
    /// header: this request's root-relative URL with the next page's cursor in place of its own.
    /// </summary>
    public static IReadOnlyList<TResponse> Respond<TEntry, TResponse>(this HttpContext context, IndexPage<TEntry> page, Func<TEntry, TResponse> map)
    {
        if (page.Next is { } next)
        {
            var request = context.Request;
            var query = new QueryBuilder(request.Query.Where(q => !q.Key.Equals("cursor", StringComparison.OrdinalIgnoreCase)))
            {
                { "cursor", Write(next) },
            };
            context.Response.Headers.Link = $"<{request.PathBase}{request.Path}{query}>; rel=\"next\"";
        }
        return [.. page.Items.Select(map)];
    }

    /// <summary>
    /// A page of a list one grain holds whole and returns in order: the entries after <paramref name="page"/>'s cursor,
    /// up to its limit. <paramref name="position"/> gives each entry's place, which must rise along the list, so a
    /// page continues after the last entry it saw even when entries were added or removed meanwhile.
    /// </summary>
    public static IReadOnlyList<TResponse> Respond<TEntry, TResponse>(
        this HttpContext context, PageQuery page, IEnumerable<TEntry> ordered, Func<TEntry, IndexPosition> position, Func<TEntry, TResponse> map)
    {
        var (after, limit) = page.Read();
        var rest = (after is null ? ordered : ordered.Where(e => position(e).CompareTo(after) > 0)).Take(limit + 1).ToList();
        return rest.Count > limit
            ? context.Respond(new IndexPage<TEntry>(rest[..limit], position(rest[limit - 1])), map)
            : context.Respond(new IndexPage<TEntry>(rest, null), map);
    }

    /// <inheritdoc cref="Respond{TEntry, TResponse}(HttpContext, PageQuery, IEnumerable{TEntry}, Func{TEntry, IndexPosition}, Func{TEntry, TResponse})"/>
    public static IReadOnlyList<TEntry> Respond<TEntry>(
        this HttpContext context, PageQuery page, IEnumerable<TEntry> ordered, Func<TEntry, IndexPosition> position) =>
        context.Respond(page, ordered, position, entry => entry);

    /// <summary>The place of the <paramref name="index"/>th entry of a list ranked by the grain: a sort key that keeps that order.</summary>
    public static string Place(int index) => index.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc cref="Respond{TEntry, TResponse}(HttpContext, IndexPage{TEntry}, Func{TEntry, TResponse})"/>
    public static IReadOnlyList<TEntry> Respond<TEntry>(this HttpContext context, IndexPage<TEntry> page) => context.Respond(page, entry => entry);
}
