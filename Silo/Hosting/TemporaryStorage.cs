using Microsoft.Extensions.Configuration;

namespace SocialValue.Silo;

// TEMPORARY until the ADO.NET schema lands.
public static class TemporaryStorage
{
    public static ISiloBuilder AddSocialValueStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.UseLocalhostClustering(
            configuration.GetValue("Orleans:SiloPort", 11111), configuration.GetValue("Orleans:GatewayPort", 30000));
        silo.AddMemoryGrainStorage("store");
        return silo;
    }
}
