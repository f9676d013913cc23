using k8s.Models;

namespace Dating.Deployment.Tests.Rules;

/// <summary>
/// What every Deployment of the system must say, each rule a sentence in the list it returns when broken: probes on
/// the paths the services serve (ServiceDefaults' /health and /alive), requests and limits, the restricted Pod
/// Security Standard, and an image the build produces.
/// </summary>
public static class DeploymentRules
{
    /// <param name="images">The image each service's project builds (<see cref="Model.BuiltImages"/>), by Deployment name.</param>
    public static IReadOnlyList<string> Violations(V1Deployment deployment, IReadOnlyDictionary<string, string> images)
    {
        var name = deployment.Metadata.Name;
        var pod = deployment.Spec.Template.Spec;
        var violations = new List<string>();
        void Require(bool holds, string rule)
        {
            if (!holds)
            {
                violations.Add($"{name}: {rule}");
            }
        }

        Require(pod.SecurityContext?.RunAsNonRoot == true, "the pod must set runAsNonRoot");
        Require(pod.SecurityContext?.RunAsUser is not 0, "the pod must not run as user 0");
        foreach (var container in pod.Containers)
        {
            var security = container.SecurityContext;
            Require(PathOf(container.ReadinessProbe) == "/health", $"container {container.Name} needs a readiness probe on /health");
            Require(PathOf(container.LivenessProbe) == "/alive", $"container {container.Name} needs a liveness probe on /alive");
            Require(HasCpuAndMemory(container.Resources?.Requests), $"container {container.Name} needs cpu and memory requests");
            Require(HasCpuAndMemory(container.Resources?.Limits), $"container {container.Name} needs cpu and memory limits");
            Require(security?.RunAsUser is not 0, $"container {container.Name} must not run as user 0");
            Require(security?.RunAsNonRoot is not false, $"container {container.Name} must not turn runAsNonRoot off");
            Require(security?.Privileged is not true, $"container {container.Name} must not be privileged");
            Require(security?.AllowPrivilegeEscalation == false, $"container {container.Name} must set allowPrivilegeEscalation: false");
            Require(security?.Capabilities?.Drop?.Contains("ALL") == true, $"container {container.Name} must drop ALL capabilities");
            Require(security?.Capabilities?.Add is null or { Count: 0 }, $"container {container.Name} must add no capabilities");
            Require(security?.ReadOnlyRootFilesystem == true, $"container {container.Name} must have a read-only root file system");
            Require((security?.SeccompProfile ?? pod.SecurityContext?.SeccompProfile)?.Type == "RuntimeDefault",
                $"container {container.Name} needs the RuntimeDefault seccomp profile");
            Require(images.TryGetValue(name, out var image) && container.Image == image,
                $"container {container.Name} runs {container.Image}, not the image the build produces ({(image ?? "no project builds one for this name")})");
        }

        return violations;
    }

    private static string? PathOf(V1Probe? probe) => probe?.HttpGet?.Path;

    private static bool HasCpuAndMemory(IDictionary<string, ResourceQuantity>? quantities) =>
        quantities is not null && quantities.ContainsKey("cpu") && quantities.ContainsKey("memory");
}
