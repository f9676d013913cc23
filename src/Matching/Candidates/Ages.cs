namespace Dating.Matching.Candidates;

internal static class Ages
{
    public static int At(DateOnly birthDate, DateOnly today)
    {
        var age = today.Year - birthDate.Year;
        return birthDate > today.AddYears(-age) ? age - 1 : age;
    }
}
