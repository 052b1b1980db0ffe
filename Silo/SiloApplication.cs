using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialValue.Api;
using SocialValue.Api.Web;
using SocialValue.Formulas;
using SocialValue.Silo.Scheduling;

namespace SocialValue.Silo;

/// <summary>Builds the Silo: an Orleans silo with its storage, Hangfire for deadlines, and the REST API and pages on Kestrel.</summary>
public static class SiloApplication
{
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? configureApp = null)
    {
        // appsettings.json ships beside the binaries; relative paths in settings (data/) stay relative to the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var configuration = builder.Configuration;

        // Grains on Orleans, then Hangfire (its workers call grains, so Orleans starts first).
        builder.AddSocialValueOrleans();
        builder.Services.AddScheduling(configuration);
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        builder.Services.AddKeyedSingleton(BusinessClock.Key, TimeProvider.System);
        if (configuration.GetValue<bool>("Demo:Load"))
        {
            // scripts/run --demo: the worked example loads once the Silo listens, on a business clock it can set back.
            var demoClock = new Hosting.DemoClock();
            builder.Services.AddKeyedSingleton<TimeProvider>(BusinessClock.Key, demoClock);
            builder.Services.AddSingleton(demoClock);
            builder.Services.AddHostedService<Hosting.DemoData>();
        }
        builder.Services.AddSingleton<FormulaEngine>();
        builder.Services.AddSingleton(configuration.GetSection("Contracts").Get<Contracts.ContractOptions>() ?? new());
        builder.Services.AddSingleton(new Maturity.MaturityOptions(configuration.GetValue<TimeSpan?>("Maturity:ReviewAfter")));

        // The REST API with its conventions: problem details, API keys, ETags, OpenAPI.
        builder.Services.AddSocialValueApi(configuration);
        // The pages for people, on the same grains and rules, signed in with a cookie session.
        builder.Services.AddSocialValueWeb();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MaxRequestBodySize = configuration.GetValue("Api:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes));

        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseSocialValueApi();
        app.MapSocialValueWeb();
        app.MapOperations();
        configureApp?.Invoke(app);
        return app;
    }
}
