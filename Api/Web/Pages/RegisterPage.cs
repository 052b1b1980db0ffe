using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Indexes;
using SocialValue.KiteMark;

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
            return WebPage.Render<Components.Pages.RegisterPage>(context, new { Holders = holders });
        }).AllowAnonymous();
}
