using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialValue.Api.Http;
using SocialValue.Api.Web;
using SocialValue.Api.Web.Components.Pages.Organisations;
using SocialValue.Maturity;

namespace SocialValue.Api.Maturity;

/// <summary>
/// The seed's "Action Plan" page (seed 001): the organisation, present and target overall, the ten dimensions with
/// present and future, then the actions by dimension and level. HTML that prints on A4 with no external resources
/// (<see cref="ActionPlanPage"/>), and CSV with one row per action.
/// </summary>
internal static class ActionPlanDocument
{
    /// <summary>The document's only stylesheet, inline so that it prints and saves whole; a constant, never text a user wrote.</summary>
    public const string Style = """
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

    /// <summary>The seed's page as a document of its own, rendered from <see cref="ActionPlanPage"/> for the API and the pages alike.</summary>
    public static RazorComponentResult<ActionPlanPage> Page(HttpContext context, MaturityDetails maturity, MaturityModelDetails model) =>
        WebPage.Render<ActionPlanPage>(context, new { Maturity = maturity, Model = model }, inlineStyle: Style);

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
}
