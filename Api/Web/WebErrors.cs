using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SocialValue.Api.Errors;

namespace SocialValue.Api.Web;

/// <summary>Pages answer errors as pages: the API's problem details (same statuses, same words) rendered as HTML.</summary>
internal sealed class WebErrors : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        try
        {
            return await next(invocation);
        }
        catch (AntiforgeryValidationException)
        {
            return Page(invocation.HttpContext, new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The form has expired",
                Detail = "Reload the page and try again.",
            });
        }
        catch (Exception exception) when (ProblemExceptionHandler.ToProblem(exception) is { Status: < 500 } problem)
        {
            return Page(invocation.HttpContext, problem);
        }
    }

    /// <summary>A problem in one paragraph: the detail, with the reasons of a refused transition when it does not say them.</summary>
    public static string Explain(ProblemDetails problem)
    {
        var detail = problem.Detail ?? problem.Title ?? "";
        var reasons = problem.Extensions.TryGetValue("reasons", out var listed) && listed is IEnumerable<string> given ? given : [];
        var unsaid = reasons.Where(r => !detail.Contains(r, StringComparison.Ordinal)).ToList();
        return unsaid.Count == 0 ? detail : $"{detail} {string.Join("; ", unsaid)}.";
    }

    private static IResult Page(HttpContext context, ProblemDetails problem) =>
        WebPage.Render<Components.Pages.ErrorPage>(context,
            new { Heading = problem.Title ?? "Error", Detail = Explain(problem) }, problem.Status ?? StatusCodes.Status400BadRequest);
}
