namespace Dating.Benchmarks.Api;

/// <summary>What to register: who the user is, whom they look for, and where.</summary>
public sealed record NewUser(string Gender, string[] InterestedIn, double Latitude, double Longitude, int Age = 30);
