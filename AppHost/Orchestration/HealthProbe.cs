namespace Dating.AppHost.Orchestration;

/// <summary>Asks a service's <c>/health</c> (ready: its dependencies answer).</summary>
internal static class HealthProbe
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    public static async Task<bool> IsHealthyAsync(Uri baseUrl, CancellationToken ct)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(baseUrl, "/health"), ct);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return false;
        }
    }
}
