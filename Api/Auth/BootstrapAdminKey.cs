using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using SocialValue.Errors;
using SocialValue.Keys;

namespace SocialValue.Api.Auth;

/// <summary>
/// With no <c>Auth:BootstrapAdminKey</c> configured, the first start issues an Admin key and prints it once;
/// later starts find it stored and print nothing.
/// </summary>
public sealed partial class BootstrapAdminKey(
    IGrainFactory grains,
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILogger<BootstrapAdminKey> logger) : IHostedService
{
    public const string KeyId = "bootstrap";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.Get(ApiKeyAuthenticationHandler.SchemeName).BootstrapAdminKey))
        {
            return;
        }
        var grain = grains.GetGrain<IApiKeyGrain>(KeyId);
        if (await grain.ExistsAsync())
        {
            return;
        }
        var (_, key, hash) = ApiKeyFormat.Issue(KeyId);
        try
        {
            await grain.CreateAsync(new NewApiKey("bootstrap administrator", Role.Admin, null, hash));
        }
        catch (ConflictException)
        {
            return;
        }
        Console.WriteLine($"SocialValue: first start, no Auth:BootstrapAdminKey configured. Administrator key (shown once): {key}");
        LogIssued();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issued the bootstrap administrator key; it was printed once to the console")]
    private partial void LogIssued();
}
