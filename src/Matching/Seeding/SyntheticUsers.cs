using Dating.Matching.Candidates;

namespace Dating.Matching.Seeding;

/// <summary>
/// Plausible synthetic candidate cards: clustered around a few cities, mostly straight with some gay,
/// bisexual and nonbinary users, ages skewed young, preferences around one's own age.
/// </summary>
internal sealed class SyntheticUsers(Random random, DateOnly today)
{
    private static readonly (string Name, double Latitude, double Longitude, int Weight)[] Cities =
    [
        ("Berlin", 52.5200, 13.4050, 4), ("Paris", 48.8566, 2.3522, 4), ("London", 51.5074, -0.1278, 5),
        ("Madrid", 40.4168, -3.7038, 3), ("New York", 40.7128, -74.0060, 5), ("Sao Paulo", -23.5505, -46.6333, 3),
        ("Tokyo", 35.6762, 139.6503, 4), ("Sydney", -33.8688, 151.2093, 2),
    ];

    private static readonly string[] Names =
    [
        "Alex", "Sam", "Robin", "Kim", "Maria", "Jonas", "Lea", "Noah", "Mia", "Luca", "Emma", "Ben", "Sofia",
        "Yuki", "Ana", "Tom", "Nina", "Omar", "Ida", "Leo", "Zoe", "Finn", "Chloe", "Ravi", "Sara",
    ];

    private static readonly string[] Interests =
    [
        "hiking", "coffee", "climbing", "cooking", "jazz", "techno", "books", "running", "yoga", "cycling", "travel",
        "photography", "board games", "football", "tennis", "wine", "film", "theatre", "painting", "dogs", "cats",
        "surfing", "skiing", "gaming", "museums", "dancing", "gardening", "languages", "swimming", "poetry",
    ];

    private static readonly int[] Distances = [10, 25, 25, 50, 50, 50, 80, 150];

    private static readonly int TotalCityWeight = Cities.Sum(c => c.Weight);

    public CandidateCard Next()
    {
        var (latitude, longitude) = Location();
        var gender = Pick([(1, 48), (2, 48), (4, 4)]);
        var age = Math.Clamp(18 + (int)Math.Abs(Gaussian() * 12), 18, 70);
        var birthDate = today.AddYears(-age).AddDays(-random.Next(0, 365));
        return new CandidateCard
        {
            UserId = NewId(),
            DisplayName = Names[random.Next(Names.Length)],
            BirthDate = birthDate,
            Gender = gender,
            InterestedIn = InterestedIn(gender),
            AgeMin = Math.Max(18, age - 3 - random.Next(0, 8)),
            AgeMax = Math.Min(99, age + 3 + random.Next(0, 10)),
            MaxDistanceKm = Distances[random.Next(Distances.Length)],
            Latitude = latitude,
            Longitude = longitude,
            Bio = random.Next(4) == 0 ? null : $"Into {Interests[random.Next(Interests.Length)]} and {Interests[random.Next(Interests.Length)]}.",
            Interests = [.. Enumerable.Range(0, random.Next(2, 6)).Select(_ => Interests[random.Next(Interests.Length)]).Distinct()],
            ProfileVersion = DateTimeOffset.UnixEpoch,
        };
    }

    private (double Latitude, double Longitude) Location()
    {
        var pick = random.Next(TotalCityWeight);
        var city = Cities[0];
        foreach (var candidate in Cities)
        {
            city = candidate;
            pick -= candidate.Weight;
            if (pick < 0)
            {
                break;
            }
        }

        // Dense centre, long suburban tail: about 10 km standard deviation in each direction.
        var northKm = Gaussian() * 10;
        var eastKm = Gaussian() * 10;
        var latitude = city.Latitude + northKm / 111.2;
        var longitude = city.Longitude + eastKm / (111.2 * Math.Cos(city.Latitude * Math.PI / 180));
        return (latitude, longitude);
    }

    private int InterestedIn(int gender)
    {
        const int Men = 1, Women = 2, Nonbinary = 4, Everyone = Men | Women | Nonbinary;
        return gender switch
        {
            Men => Pick([(Women, 85), (Men, 9), (Everyone, 6)]),
            Women => Pick([(Men, 84), (Women, 8), (Everyone, 8)]),
            _ => Pick([(Everyone, 60), (Women | Nonbinary, 20), (Men | Nonbinary, 20)]),
        };
    }

    private int Pick((int Value, int Weight)[] choices)
    {
        var pick = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            pick -= weight;
            if (pick < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    private double Gaussian()
    {
        // Box-Muller.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
