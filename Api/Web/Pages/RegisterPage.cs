using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Indexes;
using SocialValue.KiteMark;
using static SocialValue.Api.Web.Markup;

namespace SocialValue.Api.Web.Pages;

/// <summary>The public register of current Social Value Award holders (the Anchor Partnership); no sign-in.</summary>
internal static class RegisterPage
{
    public static void MapRegisterPage(this IEndpointRouteBuilder web) =>
        web.MapGet("/register", async (HttpContext context, IGrainFactory grains, TimeProvider time) =>
        {
            await WebEndpoints.UseSessionIfAnyAsync(context);
            var register = grains.GetGrain<IKiteMarkRegisterGrain>(IKiteMarkRegisterGrain.Register);
            var now = time.GetUtcNow();
            var holders = await IndexPaging.AllAsync((after, limit) => register.ListAsync(after, limit, now));
            return Layout.Page(context, "Register of Social Value Award holders", H($"""
                <h1>Social Value Award holders</h1>
                <p>Organisations that hold the Social Value Award (Kite Mark) today: the Anchor Partnership.</p>
                {(holders.Count == 0 ? H($"<p>No organisation holds the award at present.</p>") : H($"""
                  <div class="table-wrap"><table id="register"><caption class="visually-hidden">Current holders with award and expiry dates</caption>
                  <thead><tr><th scope="col">Organisation</th><th scope="col">Awarded by</th><th scope="col">Awarded</th><th scope="col">Valid until</th></tr></thead>
                  <tbody>{holders.Select(h => H($"<tr><td>{h.OrganisationName}</td><td>{h.AwardingBodyId}</td><td>{Format.Date(h.AwardedOn)}</td><td>{Format.Date(h.ValidUntil)}</td></tr>"))}</tbody>
                  </table></div>
                  """))}
                """));
        }).AllowAnonymous();
}
