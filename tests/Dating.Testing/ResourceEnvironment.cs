using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Dating.Testing;

/// <summary>
/// What an app host model, built but not started, gives a project as its environment: its environment callbacks run as
/// the operation would run them. The values are as the callbacks set them (strings, or references to other resources).
/// Hand-written: Aspire's GetEnvironmentVariableValuesAsync does this but is obsolete, and the builder that replaces it
/// resolves references, which needs a started model.
/// </summary>
public static class ResourceEnvironment
{
    public static async Task<Dictionary<string, object>> OfAsync(ProjectResource project, DistributedApplicationOperation operation)
    {
        var environment = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(operation), project, environment);
        foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return environment;
    }
}
