using Dating.Contracts;

namespace Dating.Matching.Candidates;

/// <summary>Genders as bits, so "is my gender among yours" is one bitwise AND in SQL.</summary>
internal static class GenderFlags
{
    public static int Of(Gender gender) => gender switch
    {
        Gender.Man => 1,
        Gender.Woman => 2,
        Gender.Nonbinary => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(gender), gender, "Unknown gender."),
    };

    public static int Of(IEnumerable<Gender> genders) => genders.Aggregate(0, (mask, gender) => mask | Of(gender));
}
