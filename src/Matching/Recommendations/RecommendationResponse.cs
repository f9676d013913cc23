using Dating.Matching.Candidates;

namespace Dating.Matching.Recommendations;

public sealed record RecommendationResponse(
    Guid UserId,
    string DisplayName,
    int Age,
    double DistanceKm,
    string? Bio,
    IReadOnlyList<string> Interests,
    string? PhotoUrl)
{
    internal static RecommendationResponse From(Candidate candidate, DateOnly today) => new(
        candidate.UserId,
        candidate.DisplayName,
        Ages.At(candidate.BirthDate, today),
        Math.Round(candidate.DistanceKm, 1),
        candidate.Bio,
        candidate.Interests,
        PhotoUrls.Thumbnail(candidate.PhotoId));
}
