using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ProposalPlatform.Infrastructure.PersonalData;

public static class PersonalDataExtensions
{
    /// <summary>
    /// The cipher that seals the personal data the service stores, with the key ring of
    /// <c>PersonalData:Keys</c> (given by the AppHost), checked at start: a service that keeps personal
    /// data does not start without its keys.
    /// </summary>
    public static IHostApplicationBuilder AddPersonalDataCipher(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PersonalDataOptions>().BindConfiguration(PersonalDataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PersonalDataCipher>();
        return builder;
    }
}
