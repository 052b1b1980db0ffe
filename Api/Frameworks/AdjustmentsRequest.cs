using SocialValue.Errors;
using SocialValue.Frameworks;
using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace SocialValue.Api.Frameworks;

/// <summary>
/// SROI adjustments as a client sends them: each rate a fraction (0.2 is 20%) with the source it comes from, and the
/// benefit period in years (1 when omitted). A rate left out is no adjustment.
/// </summary>
public sealed record AdjustmentsRequest(RateRequest? Deadweight, RateRequest? Attribution, RateRequest? Displacement, RateRequest? DropOff, int? BenefitYears)
{
    /// <summary>The adjustments, or 422 naming every field that is wrong.</summary>
    public SroiAdjustments ToAdjustments()
    {
        var errors = new Dictionary<string, string[]>();
        SroiRate? Rate(string field, RateRequest? rate)
        {
            if (rate is null)
            {
                return null;
            }
            if (rate.Rate is null)
            {
                errors[$"{field}.rate"] = [$"{field}.rate is required when {field} is given."];
            }
            return new SroiRate(rate.Rate ?? 0, rate.Source?.Trim() ?? "");
        }
        var adjustments = new SroiAdjustments(
            Rate("deadweight", Deadweight), Rate("attribution", Attribution), Rate("displacement", Displacement), Rate("dropOff", DropOff), BenefitYears ?? 1);
        foreach (var (field, problem) in adjustments.Problems())
        {
            errors.TryAdd(field, problem);
        }
        return errors.Count == 0 ? adjustments : throw new ValidationException(errors);
    }
}

/// <summary>One SROI rate and its source.</summary>
public sealed record RateRequest([Required] decimal? Rate, string? Source);
