using Microsoft.Extensions.Hosting;

namespace Dating.Architecture.Tests.Violations;

// As if the Profiles module wired the Photos module itself.
internal static class ReachesIntoPhotos
{
    public static IHostApplicationBuilder AddPhotosToo(IHostApplicationBuilder builder) => Photos.Extensions.AddPhotos(builder);
}
