namespace Dating.EndToEnd.Tests.Client;

/// <summary>Who registers: everything the register call takes, with a fresh e-mail so every test has its own people.</summary>
public sealed record Person(string Name, string Gender, string[] InterestedIn, Place Place, int Age = 30)
{
    public const string Password = "correct horse battery";

    public string Email { get; } = $"{Name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";

    /// <summary>Born on a date that makes them <see cref="Age"/> today (and not on their birthday, so the age is exact).</summary>
    public DateOnly BirthDate { get; } = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-Age).AddDays(-40);

    public static Person Woman(string name, Place place, params string[] interestedIn) => new(name, "woman", interestedIn.Length == 0 ? ["man"] : interestedIn, place);

    public static Person Man(string name, Place place, params string[] interestedIn) => new(name, "man", interestedIn.Length == 0 ? ["woman"] : interestedIn, place);

    public object Registration() => new
    {
        email = Email,
        password = Password,
        displayName = Name,
        birthDate = BirthDate.ToString("yyyy-MM-dd"),
        gender = Gender,
        interestedIn = InterestedIn,
        bio = $"I am {Name}.",
        location = Place.ToJson(),
    };
}
