using System.Globalization;
using System.Net;
using System.Text;
using SocialValue.Api.Http;
using SocialValue.Maturity;

namespace SocialValue.Api.Maturity;

/// <summary>
/// The seed's "Action Plan" page (seed 001): the organisation, present and target overall, the ten dimensions with
/// present and future, then the actions by dimension and level. HTML that prints on A4 with no external resources,
/// and CSV with one row per action.
/// </summary>
internal static class ActionPlanDocument
{
    private const string Footnote =
        "The actions in the action plan are defined by your response to each question, and show what must be done to reach your "
        + "Future Target from your Current Performance for each. Please note that the column headings strictly refer to achieving "
        + "the different levels for individual questions, rather than your overall performance.";

    private const string Style = """
        @page { size: A4; margin: 15mm; }
        * { box-sizing: border-box; }
        body { font-family: Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.35; color: #000; margin: 0; }
        h1 { font-size: 18pt; margin: 0 0 2mm; }
        h2 { font-size: 13pt; margin: 8mm 0 2mm; border-bottom: 1px solid #000; }
        h3 { font-size: 11pt; margin: 5mm 0 1mm; }
        .subtitle { font-size: 13pt; margin: 0 0 4mm; }
        dl.summary { display: grid; grid-template-columns: max-content auto; gap: 1mm 6mm; margin: 0 0 5mm; }
        dl.summary dt { font-weight: bold; }
        dl.summary dd { margin: 0; }
        table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; }
        th, td { border: 0.5pt solid #444; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
        th { background: #eee; }
        thead { display: table-header-group; }
        tr, .dimension h3 { break-inside: avoid; page-break-inside: avoid; break-after: avoid; }
        .empty { font-style: italic; }
        .review-due { font-weight: bold; border: 1pt solid #000; padding: 2mm; }
        footer { margin-top: 8mm; font-size: 8.5pt; }
        @media screen { body { max-width: 210mm; margin: 10mm auto; padding: 0 10mm; } }
        """;

    public static string Html(MaturityDetails maturity, MaturityModelDetails model)
    {
        var labels = model.Levels.ToDictionary(l => l.Level, l => l.Label);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<title>Social Value Maturity Index — Action Plan — {E(maturity.OrganisationName)}</title>\n")
            .Append($"<style>\n{Style}</style>\n</head>\n<body>\n")
            .Append("<header>\n<h1>Social Value Maturity Index</h1>\n<p class=\"subtitle\">Action Plan</p>\n<dl class=\"summary\">\n")
            .Append($"<dt>Organisation</dt><dd>{E(maturity.OrganisationName)}</dd>\n")
            .Append($"<dt>Present Performance</dt><dd>{E(labels[maturity.Overall.Present])}</dd>\n")
            .Append($"<dt>Future Target</dt><dd>{E(labels[maturity.Overall.Target])}</dd>\n")
            .Append($"<dt>Assessed</dt><dd>{Date(maturity.AssessedAt)}</dd>\n")
            .Append($"<dt>Next review</dt><dd>{Date(maturity.NextReviewAt)}</dd>\n</dl>\n");
        if (maturity.ReviewDue)
        {
            html.Append("<p class=\"review-due\">This index is due for its annual reassessment.</p>\n");
        }
        html.Append("</header>\n<main>\n<table class=\"levels\">\n<thead><tr><th></th><th>Dimension</th><th>Present</th><th>Future</th></tr></thead>\n<tbody>\n");
        foreach (var d in maturity.Dimensions)
        {
            html.Append($"<tr><td>{E(d.Code)}</td><td>{E(d.Name)}</td><td>{E(labels[d.Present])}</td><td>{E(labels[d.Target])}</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n<h2>Actions</h2>\n");
        foreach (var d in maturity.Dimensions)
        {
            html.Append($"<section class=\"dimension\">\n<h3>{E(d.Code)} {E(d.Name)}</h3>\n");
            if (d.Actions.Count == 0)
            {
                html.Append(d.Present == d.Target
                    ? "<p class=\"empty\">At its target: no actions planned.</p>\n"
                    : "<p class=\"empty\">The action catalogue has no actions for the levels between present and future.</p>\n");
            }
            foreach (var level in d.Actions.GroupBy(a => a.Level))
            {
                html.Append($"<table>\n<thead><tr><th colspan=\"5\">To reach '{E(labels[level.Key])}'</th></tr>\n")
                    .Append("<tr><th>Action</th><th>Status</th><th>Owner</th><th>Due</th><th>Notes</th></tr></thead>\n<tbody>\n");
                foreach (var a in level)
                {
                    html.Append($"<tr><td>{E(a.Text)}</td><td>{E(Status(a.Status))}</td><td>{E(a.Owner)}</td>")
                        .Append($"<td>{(a.DueDate is { } due ? due.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "")}</td><td>{E(a.Notes)}</td></tr>\n");
                }
                html.Append("</tbody>\n</table>\n");
            }
            html.Append("</section>\n");
        }
        return html.Append($"</main>\n<footer><p>* {E(Footnote)}</p></footer>\n</body>\n</html>\n").ToString();
    }

    public static string Csv(MaturityDetails maturity)
    {
        var csv = new StringBuilder();
        csv.Row("Dimension code", "Dimension", "Present", "Future", "Action id", "Level", "Action", "Status", "Owner", "Due date", "Notes", "Evidence");
        foreach (var d in maturity.Dimensions)
        {
            string[] dimension = [d.Code, d.Name, d.Present.ToString(), d.Target.ToString()];
            if (d.Actions.Count == 0)
            {
                csv.Row([.. dimension, "", "", "", "", "", "", "", ""]);
            }
            foreach (var a in d.Actions)
            {
                csv.Row([.. dimension, a.Id, a.Level.ToString(), a.Text, a.Status.ToString(), a.Owner ?? "",
                    a.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", a.Notes ?? "", string.Join(" ", a.Evidence)]);
            }
        }
        return csv.ToString();
    }

    private static string Status(ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.InProgress => "In progress",
        _ => "Done",
    };

    private static string Date(DateTimeOffset at) => at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
